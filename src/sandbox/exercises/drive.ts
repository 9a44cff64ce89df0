/**
 * Runs a sandboxed strategy through a seeded sequence of picks on a small pool, beside a reference
 * (a built-in strategy or the rule written out), the way the engine would: requests finish between
 * picks, servers go down and come back, leave and join. Used by the exercise graders.
 */
import { Xoshiro128, type Rng } from '../../engine/random.ts';
import type { PickContext } from '../../engine/strategies/strategy.ts';
import { FakePool, type FakeServer } from '../../engine/testing/fakePool.ts';
import type { PoolView } from '../../engine/poolView.ts';
import type { SandboxHost } from '../sandboxHost.ts';
import { SandboxError } from '../sandboxError.ts';
import { SandboxStrategy } from '../sandboxStrategy.ts';

/** What a strategy must do to be driven: the engine's Strategy, or a rule written for a test. */
export interface Driven {
  pick(pool: PoolView, ctx: PickContext, rng: Rng): number;
  onServerChange?(pool: PoolView, slot: number): void;
  onComplete?(slot: number, latencyMs: number, now: number): void;
}

/** A change to the pool before pick number `at` (0-based). */
export interface PoolEvent {
  readonly at: number;
  readonly apply: (pool: FakePool) => void;
}

export interface DriveSetup {
  readonly servers: readonly FakeServer[];
  readonly picks: number;
  readonly seed: number;
  readonly events?: readonly PoolEvent[];
  /** Latency of a reply from a slot (default 100 to 500 ms at random). */
  readonly latencyMs?: (slot: number, draw: number) => number;
  /** Relative rate at which a slot finishes its requests (default 1 for every slot). */
  readonly finishRate?: (slot: number) => number;
  /** Keys of the requests (default: the request's number). */
  readonly keyOf?: (i: number) => number;
  /** Whether picked requests stay on their server until they finish (default true). */
  readonly dispatch?: boolean;
  /** Whether requests finish between picks (default true); false keeps every load as set. */
  readonly finish?: boolean;
}

/** The picks each strategy made, in server names; a failed custom pick ends the run. */
export interface DriveResult {
  readonly custom: number[];
  readonly reference: number[];
  readonly names: readonly string[];
  readonly failure: SandboxError | null;
}

/** A pick context with the request's number, key and attempt. */
export function requestContext(id: number, key: number): PickContext {
  return { key, now: 0, trace: null, id, attempt: 0 } as PickContext;
}

/** Loads `code` into a strategy; a load error is returned instead. */
export function loadStrategy(host: SandboxHost, code: string): SandboxStrategy | SandboxError {
  try {
    return new SandboxStrategy(host.load(code));
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
}

/**
 * Drives `custom` and `reference` through the same picks on one pool. The pool follows the
 * reference's picks, so both always see the same state and the first difference is the custom
 * code's. Each has its own copy of the seeded strategy stream.
 */
export function drive(
  custom: SandboxStrategy,
  reference: Driven | null,
  setup: DriveSetup,
): DriveResult {
  const pool = new FakePool(setup.servers);
  pool.onChange = (slot) => {
    reference?.onServerChange?.(pool, slot);
    custom.onServerChange(pool, slot);
  };
  const customRng = new Xoshiro128(setup.seed);
  const referenceRng = new Xoshiro128(setup.seed);
  const churn = new Xoshiro128(setup.seed ^ 0x5bd1e995);
  const result: DriveResult = { custom: [], reference: [], names: pool.names, failure: null };
  const events = setup.events ?? [];
  for (let i = 0; i < setup.picks; i++) {
    for (const e of events) if (e.at === i) e.apply(pool);
    if (setup.finish !== false) finishSome(pool, custom, reference, setup, churn);
    if (pool.healthyCount === 0) continue;
    const ctx = requestContext(i + 1, setup.keyOf?.(i) ?? i + 1);
    const expected = reference === null ? -1 : reference.pick(pool, ctx, referenceRng);
    const got = custom.pick(pool, ctx, customRng);
    result.reference.push(expected);
    result.custom.push(got);
    if (custom.failure !== null) return { ...result, failure: custom.failure };
    const placed = reference === null ? got : expected;
    if (setup.dispatch !== false && placed >= 0 && pool.healthy[placed] === 1)
      pool.dispatch(placed);
  }
  return result;
}

/** Up to two requests finish before each pick, each on a busy slot drawn by its finish rate. */
function finishSome(
  pool: FakePool,
  custom: SandboxStrategy,
  reference: Driven | null,
  setup: DriveSetup,
  churn: Xoshiro128,
): void {
  for (let k = churn.int(3); k > 0; k--) {
    const slot = churn.int(pool.size);
    if (pool.outstanding(slot) === 0) continue;
    if (churn.next() >= (setup.finishRate?.(slot) ?? 1)) continue;
    const latency = setup.latencyMs?.(slot, churn.next()) ?? 100 + Math.floor(churn.next() * 400);
    pool.complete(slot);
    reference?.onComplete?.(slot, latency, 0);
    custom.onComplete(slot, latency);
  }
}
