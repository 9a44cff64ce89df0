/**
 * The live session's ceiling for `npm run bench`: the worker's own code (SimSession.advance at
 * speed "max", in 12 ms slices as the run loop gives it) on the large-pool preset (100 servers,
 * per-server LRU caches, 100,000 keys at Zipf 0.9, least connections), with what the page keeps on:
 * the request log and the pick explanations. No worker, no page, one core: what one second of CPU
 * simulates is the most the live page could show per wall second at "max".
 */
import { PRESETS } from '../src/engine/scenario/presets.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';
import { MAX_SLICE_MS } from '../src/worker/runLoop.ts';
import { SimSession } from '../src/worker/simSession.ts';
import { cpuMs } from './measure.ts';

export interface LiveRun {
  /** Simulated requests that arrived, and the wall and CPU ms the slices took. */
  readonly requests: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Plays a fresh large-pool session at "max" until `requests` have arrived (or the run ends). */
export function runLiveSession(requests: number): LiveRun {
  const preset = PRESETS.find((p) => p.id === 'large-pool');
  if (preset === undefined) throw new Error('the large-pool preset is missing');
  const session = new SimSession(scenarioOf(preset.raw));
  session.setSpeed('max');
  session.play();
  const sim = session.simulation;
  const clock = () => performance.now();
  const wallStart = clock();
  const cpuStart = cpuMs();
  while (session.playing && sim.metrics.arrived < requests)
    session.advance(16, MAX_SLICE_MS, clock);
  return { requests: sim.metrics.arrived, wallMs: clock() - wallStart, cpuMs: cpuMs() - cpuStart };
}
