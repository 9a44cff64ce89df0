import { describe, expect, it } from 'vitest';
import { FLEET_COLUMNS } from '../engine/autoscaling/fleetSeries.ts';
import type { ScalingSnapshot, Snapshot } from '../worker/protocol.ts';
import { ScalingHistory } from './scalingHistory.ts';

const W = FLEET_COLUMNS.length;

function rows(...list: [number, number][]): Float64Array {
  const out = new Float64Array(list.length * W).fill(0);
  list.forEach(([time, inPool], i) => {
    out[i * W] = time;
    out[i * W + 1] = inPool;
  });
  return out;
}

function snap(
  run: number,
  fleet: Float64Array,
  slo: Partial<ScalingSnapshot['slo']> = null,
): Snapshot {
  const scaling = {
    fleet,
    slo: slo && {
      windowMs: 60_000,
      fromWindow: 0,
      good: new Float64Array(0),
      ended: new Float64Array(0),
      ...slo,
    },
  } as unknown as ScalingSnapshot;
  return { recording: { run }, scaling } as unknown as Snapshot;
}

describe('the page’s history of the fleet and the SLO windows', () => {
  it('appends rows, replaces the newest when it comes again, and restarts with a new run', () => {
    const h = new ScalingHistory();
    h.append(snap(1, rows([0, 2], [15_000, 2])));
    h.append(snap(1, rows([15_000, 3], [30_000, 4])));
    expect(Array.from(h.fleet().inPool)).toEqual([2, 3, 4]);
    expect(h.lastTime).toBe(30_000);
    expect(Array.from(h.fleet(10_000, 20_000).time)).toEqual([15_000]);
    expect(h.append(snap(2, rows([0, 1])))).toBe(true);
    expect(Array.from(h.fleet().inPool)).toEqual([1]);
  });

  it('merges SLO windows from the one that was still filling', () => {
    const h = new ScalingHistory();
    h.append(
      snap(1, rows(), {
        fromWindow: 0,
        good: Float64Array.of(10, 3),
        ended: Float64Array.of(10, 4),
      }),
    );
    expect(h.nextWindow).toBe(1);
    h.append(
      snap(1, rows(), { fromWindow: 1, good: Float64Array.of(5, 1), ended: Float64Array.of(6, 1) }),
    );
    expect(h.sloWindows()).toEqual({
      windowMs: 60_000,
      first: 0,
      good: [10, 5, 1],
      ended: [10, 6, 1],
    });
    expect(h.nextWindow).toBe(2);
  });

  it('keeps the whole run in bounded memory, coarser at the start', () => {
    const h = new ScalingHistory();
    const many = Array.from({ length: 50_000 }, (_, i) => [i * 1000, i] as [number, number]);
    h.append(snap(1, rows(...many)));
    const view = h.fleet();
    expect(view.length).toBeLessThanOrEqual(40_000);
    expect(view.time[0]).toBe(0);
    expect(view.time[view.length - 1]).toBe(49_999_000);
    // The newest rows are all there.
    expect(view.time[view.length - 2]).toBe(49_998_000);
  });
});
