import { Xoshiro128, type Rng } from '../engine/random.ts';

/** The strategy stream's four state words (xoshiro128**), which the sandbox's Math.random uses. */
function stateOf(rng: Rng): Int32Array {
  if (!(rng instanceof Xoshiro128)) throw new TypeError('the strategy stream is not xoshiro128**');
  return rng.state;
}

/** Copies the strategy stream's state into `out`, for Math.random in the sandbox to go on from. */
export function readRngState(rng: Rng, out: Int32Array): void {
  out.set(stateOf(rng));
}

/** Whether the stream is still in `state`. */
export function sameRngState(rng: Rng, state: Int32Array): boolean {
  const s = stateOf(rng);
  return s[0] === state[0] && s[1] === state[1] && s[2] === state[2] && s[3] === state[3];
}

/** Puts back the state the sandbox's draws left. */
export function writeRngState(rng: Rng, state: Int32Array): void {
  stateOf(rng).set(state);
}
