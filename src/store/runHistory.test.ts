import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../worker/protocol.ts';
import { RunHistory, serverRows } from './runHistory.ts';
import { SampleTable } from './sampleTable.ts';

/** A snapshot carrying samples `from..to` (times k × 100 ms): throughput k, p99 10k, load k % 3. */
function snap(from: number, to: number, run = 1, servers = ['A']): Snapshot {
  const n = to - from + 1;
  const time = Float64Array.from({ length: n }, (_, i) => (from + i) * 100);
  const values = (f: (k: number) => number) =>
    Float64Array.from({ length: n }, (_, i) => f(from + i));
  const active = new Float32Array(servers.length * n);
  servers.forEach((_, r) =>
    active.set(
      values((k) => (k % 3) + r),
      r * n,
    ),
  );
  return {
    recording: { run, actions: 0, truncatedAt: null, replay: null },
    setup: { sampleIntervalMs: 100 },
    series: {
      length: n,
      time,
      throughputPerSec: values((k) => k),
      rejectionsPerSec: values(() => 0),
      p50: values((k) => k),
      p99: values((k) => 10 * k),
    },
    servers: servers.map((name, slot) => ({ slot, name })),
    serverSeries: { length: n, time, active },
  } as unknown as Snapshot;
}

describe('SampleTable', () => {
  it('halves its resolution when full: means for rates, the larger value for percentiles', () => {
    const t = new SampleTable(4, ['mean', 'max']);
    for (let k = 1; k <= 8; k++) t.push(k * 100, [k, k % 2 === 0 ? NaN : 10 * k]);
    // 4 rows filled → halved to 2 (level 1); samples 5..8 then make 2 more rows of 2 → full again.
    expect(t.level).toBe(2);
    expect(t.rows).toBe(2);
    expect(Array.from(t.time.subarray(0, 2))).toEqual([400, 800]);
    expect(Array.from(t.columns[0]!.subarray(0, 2))).toEqual([2.5, 6.5]);
    expect(Array.from(t.columns[1]!.subarray(0, 2))).toEqual([30, 70]);
    // Rows stay equally long: the next row gathers 4 samples.
    t.push(900, [1, 1]);
    expect(t.rows).toBe(2);
    expect(t.pending()).toEqual({ time: 900, values: [1, 1] });
  });
});

describe('RunHistory', () => {
  it('appends overlapping snapshots once per sample and windows by time', () => {
    const h = new RunHistory();
    expect(h.append(snap(1, 600))).toBe(true);
    expect(h.append(snap(5, 604))).toBe(false);
    const w = h.window(604 * 100, 10 * 100);
    expect(Array.from(w.time)).toEqual(
      [595, 596, 597, 598, 599, 600, 601, 602, 603, 604].map((k) => k * 100),
    );
    expect(Array.from(w.throughputPerSec)).toEqual([
      595, 596, 597, 598, 599, 600, 601, 602, 603, 604,
    ]);
    expect(h.window(100_000, 100).length).toBe(0);
  });

  it('keeps the whole run in bounded memory, coarser for the oldest part', () => {
    const h = new RunHistory();
    for (let k = 1; k <= 40_000; k += 500) h.append(snap(Math.max(1, k - 100), k + 499));
    expect(h.rowMs()).toBe(200);
    const early = h.window(2_000, 2_000); // samples 1..20, merged in pairs
    expect(early.length).toBe(10);
    expect(early.throughputPerSec[0]).toBe(1.5);
    expect(early.p99[0]).toBe(20);
  });

  it('marks samples it never received as a gap, and starts over with a new run', () => {
    const h = new RunHistory();
    h.append(snap(1, 10));
    h.append(snap(50, 60));
    const w = h.window(6_000, 6_000);
    expect(w.time[10]).toBe(1_100);
    expect(w.throughputPerSec[10]).toBeNaN();
    expect(w.throughputPerSec[11]).toBe(50);
    expect(h.append(snap(1, 3, 2))).toBe(true);
    expect(h.window(6_000, 6_000).length).toBe(3);
  });

  it('keeps each server’s load, zero before it joined', () => {
    const h = new RunHistory();
    h.append(snap(1, 4, 1, ['A']));
    h.append(snap(3, 6, 1, ['A', 'B']));
    const w = h.serverWindow(600, 600);
    expect(w.slots).toEqual([0, 1]);
    expect(w.names).toEqual(['A', 'B']);
    expect(Array.from(w.active.subarray(6, 12))).toEqual([0, 0, 0, 0, (5 % 3) + 1, (6 % 3) + 1]);
  });

  it('takes a pool of ten thousand servers in one block, keeping every server’s samples', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `node-${i + 1}`);
    const h = new RunHistory();
    h.append(snap(1, 4, 1, names));
    h.append(snap(3, 8, 1, names));
    const w = h.serverWindow(800, 800);
    expect(w.slots.length).toBe(10_000);
    expect(w.names[9_999]).toBe('node-10000');
    // Server r's load at sample k is (k % 3) + r.
    const row = (r: number) => Array.from(w.active.subarray(r * w.length, (r + 1) * w.length));
    expect(row(9_999)).toEqual([1, 2, 0, 1, 2, 0, 1, 2].map((v) => v + 9_999));
  });

  it('gives each server fewer rows only when the pool doubles, never fewer than 300', () => {
    expect(serverRows(1)).toBe(36_000);
    expect(serverRows(111)).toBe(36_000);
    expect(serverRows(112)).toBe(18_000);
    expect(serverRows(200)).toBe(18_000);
    expect(serverRows(10_000)).toBe(300);
    // Adding one server to a pool between two doublings keeps the rows (no copy of the table).
    expect(serverRows(1_001)).toBe(serverRows(1_100));
  });

  it('adds servers one at a time without losing the earlier servers’ samples', () => {
    const h = new RunHistory();
    const names: string[] = [];
    for (let k = 1; k <= 300; k++) {
      names.push(`s${k}`);
      h.append(snap(k, k, 1, names));
    }
    const w = h.serverWindow(30_000, 30_000);
    expect(w.slots.length).toBe(300);
    // The first server saw every sample: (k % 3) + 0 at k = 1..300, merged as the table shrank.
    const first = Array.from(w.active.subarray(0, w.length));
    expect(first.every((v) => v >= 0 && v <= 2)).toBe(true);
    // The last server joined at the last sample: zero before, its load then.
    expect(w.active[300 * w.length - 1]).toBe((300 % 3) + 299);
  });

  it('fuzz: pools of any size, growing or shrinking between snapshots, keep bounded memory and every sample', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            servers: fc.integer({ min: 1, max: 12_000 }),
            samples: fc.integer({ min: 1, max: 40 }),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (steps) => {
          const h = new RunHistory();
          let k = 1;
          let most = 0;
          for (const { servers, samples } of steps) {
            const names = Array.from({ length: servers }, (_, i) => `n${i}`);
            h.append(snap(k, k + samples - 1, 1, names));
            k += samples;
            most = Math.max(most, servers);
          }
          const w = h.serverWindow(k * 100, k * 100);
          // Every server the run has had, each with a row of samples, in bounded memory.
          expect(w.slots.length).toBe(most);
          expect(w.active.length).toBe(most * w.length);
          expect(w.length).toBeLessThanOrEqual(Math.max(serverRows(most), 300));
          expect(w.length).toBeGreaterThan(0);
          expect(w.active.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });
});
