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
] as const;

export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** Tunables some strategies read; each has a default. */
export interface StrategyOptions {
  /** power-of-two-choices and peak-ewma: how many healthy servers to sample (d). Default 2. */
  readonly choices?: number;
  /** consistent-hash: virtual nodes per server. Default 100. */
  readonly virtualNodes?: number;
  /** peak-ewma: decay time constant in simulated ms. Default 10,000 (Finagle's 10 s). */
  readonly decayMs?: number;
}

/** The request being placed. */
export interface PickContext {
  /** The request's cache key (consistent-hash routes on it). */
  readonly key: number;
  /** Simulated time in ms. */
  readonly now: number;
}

/**
 * A balancing strategy. `pick` returns the slot to send the request to, or -1 when it has nothing
 * to offer. The balancer only calls `pick` when at least one server is healthy; if the returned slot
 * cannot take the request, the balancer rejects it as `overloaded`.
 */
export interface Strategy {
  readonly name: StrategyName;
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
}

/** How a strategy is explained in the UI. */
export interface StrategyInfo {
  readonly name: StrategyName;
  readonly label: string;
  /** Two or three plain-language sentences. */
  readonly explanation: string;
}
