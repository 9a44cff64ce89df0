import type { Rng } from '../engine/random.ts';

/** xoshiro128**'s four state words. */
export interface RngState {
  s0: number;
  s1: number;
  s2: number;
  s3: number;
}

/** The strategy stream's state, so Math.random in the sandbox can continue it exactly. */
export function readRngState(rng: Rng): RngState {
  const r = rng as unknown as RngState;
  return { s0: r.s0, s1: r.s1, s2: r.s2, s3: r.s3 };
}

/** Puts back the state the sandbox's draws left. */
export function writeRngState(rng: Rng, state: RngState): void {
  const r = rng as unknown as RngState;
  r.s0 = state.s0;
  r.s1 = state.s1;
  r.s2 = state.s2;
  r.s3 = state.s3;
}
