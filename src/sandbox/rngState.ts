import type { Rng } from '../engine/random.ts';

/** xoshiro128**'s four state words. */
export interface RngState {
  s0: number;
  s1: number;
  s2: number;
  s3: number;
}

/** Copies the strategy stream's state into `out`, so Math.random in the sandbox can go on from it. */
export function readRngState(rng: Rng, out: RngState): void {
  const r = rng as unknown as RngState;
  out.s0 = r.s0;
  out.s1 = r.s1;
  out.s2 = r.s2;
  out.s3 = r.s3;
}

/** Whether the stream is still in `state`. */
export function sameRngState(rng: Rng, state: RngState): boolean {
  const r = rng as unknown as RngState;
  return r.s0 === state.s0 && r.s1 === state.s1 && r.s2 === state.s2 && r.s3 === state.s3;
}

/** Puts back the state the sandbox's draws left. */
export function writeRngState(rng: Rng, state: RngState): void {
  const r = rng as unknown as RngState;
  r.s0 = state.s0;
  r.s1 = state.s1;
  r.s2 = state.s2;
  r.s3 = state.s3;
}
