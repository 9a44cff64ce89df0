import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';

/** Names of the balancing strategies, as written in scenario files. */
export const STRATEGY_NAMES = [
  'round-robin',
  'least-connections',
  'random',
  'weighted-round-robin',
  'power-of-two-choices',
  'consistent-hash',
  'peak-ewma',
  'modulo-hash',
  'maglev',
] as const;

export type StrategyName = (typeof STRATEGY_NAMES)[number];

/**
 * A strategy written by the user (`customStrategy.code` in a scenario). The engine cannot build it:
 * whoever runs the simulation passes a factory (SimulationOptions.customStrategy) that loads the
 * code into a sandbox (src/sandbox), so the engine never runs user code itself.
 */
export const CUSTOM_STRATEGY = 'custom';

/** What a scenario's `strategy` may be: a built-in strategy or the user's own. */
export type StrategyChoice = StrategyName | typeof CUSTOM_STRATEGY;

/** Tunables some strategies read; each has a default. */
export interface StrategyOptions {
  /** power-of-two-choices and peak-ewma: how many healthy servers to sample (d). Default 2. */
  readonly choices?: number;
  /** consistent-hash: virtual nodes per server. Default 100. */
  readonly virtualNodes?: number;
  /** peak-ewma: decay time constant in simulated ms. Default 10,000 (Finagle's 10 s). */
  readonly decayMs?: number;
}

/** What a strategy looked at for one request; filled in only when the balancer passes one. */
export interface PickTrace {
  /** Slots considered, in the order looked at (at most MAX_TRACE_CANDIDATES kept). */
  readonly slots: number[];
  /** One score per kept slot; `scoreName` says what it measures. */
  readonly scores: number[];
  /** How many candidates the strategy considered in all (may exceed slots.length). */
  considered: number;
  /** e.g. 'active + queued', 'cost = EWMA latency × (active + 1)', 'ring distance'. */
  scoreName: string;
  /** Whether the lowest score wins (false: the pick is not by score, e.g. round robin order). */
  lowerWins: boolean;
  /** One plain sentence: how the pick followed from the candidates. */
  rule: string;
}

/** Candidates a trace keeps; a strategy that looks at more says so in `considered`. */
export const MAX_TRACE_CANDIDATES = 16;

/** An empty trace, to be reused: the balancer resets it before each traced pick. */
export function newPickTrace(): PickTrace {
  return { slots: [], scores: [], considered: 0, scoreName: '', lowerWins: false, rule: '' };
}

/** Empties a trace in place (its arrays are kept, so tracing allocates little). */
export function resetPickTrace(t: PickTrace): void {
  t.slots.length = 0;
  t.scores.length = 0;
  t.considered = 0;
  t.scoreName = '';
  t.lowerWins = false;
  t.rule = '';
}

/** The request being placed. */
export interface PickContext {
  /** The request's cache key (the hashing strategies route on it). */
  readonly key: number;
  /** The request's id (1, 2, ...) and which attempt this is (0 first, then retries). */
  readonly id?: number;
  readonly attempt?: number;
  /** Simulated time in ms. */
  readonly now: number;
  /**
   * Where to record why the pick was made, for one sampled request per sample interval; null
   * otherwise, and then a strategy must do no tracing work at all (the hot path stays as fast).
   */
  readonly trace: PickTrace | null;
}

/**
 * A balancing strategy. `pick` returns the slot to send the request to, or -1 when it has nothing
 * to offer. The balancer only calls `pick` when at least one server is healthy; if the returned slot
 * cannot take the request, the balancer rejects it as `overloaded`.
 */
export interface Strategy {
  readonly name: StrategyChoice;
  pick(pool: PoolView, ctx: PickContext, rng: Rng): number;
  /** A request was handed to `slot` (counted in `pool.active`/`queued` already). */
  onDispatch?(slot: number, now: number): void;
  /** A request on `slot` finished after `latencyMs` at the server. */
  onComplete?(slot: number, latencyMs: number, now: number): void;
  /**
   * The load, health or membership of `slot` just changed (called after every change), so a
   * strategy may keep an index of the pool up to date instead of scanning it on each pick.
   */
  onServerChange?(pool: PoolView, slot: number): void;
  /**
   * Set when the strategy itself broke (the user's code threw, returned a stranger or ran too
   * long); its pick then returns -1 and the simulation throws this error, stopping the run at that
   * request. Built-in strategies never fail.
   */
  readonly failure?: Error | null;
  /** Frees what the strategy holds outside the engine (a sandbox), once it is replaced. */
  dispose?(): void;
}

/** How a strategy is explained in the UI. */
export interface StrategyInfo {
  readonly name: StrategyChoice;
  readonly label: string;
  /** Two or three plain-language sentences. */
  readonly explanation: string;
}
