import type { StrategyName, StrategyOptions } from '../strategies/strategy.ts';

/**
 * Scenario format v1: the one file format of the playground. The headless runner reads it, the UI
 * imports and exports it, share links encode it. These are the types after validation, with every
 * default filled in; `schema.ts` parses raw JSON into them.
 */
export interface Scenario {
  readonly version: 1;
  readonly name: string;
  readonly seed: number;
  readonly strategy: StrategyName;
  readonly strategyOptions: Required<StrategyOptions>;
  readonly servers: readonly ServerSpec[];
  readonly service: ServiceSpec;
  readonly cache: CacheSpec;
  readonly keys: KeySpec;
  readonly traffic: readonly TrafficSpec[];
  readonly events: readonly ScheduledEvent[];
  /** Stop at this simulated time; null runs until traffic ends and every request finished. */
  readonly durationMs: number | null;
  /** Simulated interval between time-series samples. */
  readonly sampleIntervalMs: number;
}

export interface ServerSpec {
  readonly name: string;
  /** Max concurrent requests in service. */
  readonly capacity: number;
  /** Relative share for weighted strategies. */
  readonly weight: number;
  /** Service-time divisor: 2 serves twice as fast. */
  readonly speed: number;
  /** Requests that may wait FIFO when every slot is busy; 0 = reject at once; null = unbounded. */
  readonly queueLimit: number | null;
  readonly up: boolean;
}

export type ServiceSpec =
  | { readonly distribution: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly distribution: 'exponential'; readonly meanMs: number }
  | { readonly distribution: 'constant'; readonly ms: number }
  | { readonly distribution: 'lognormal'; readonly medianMs: number; readonly sigma: number };

export type CachePlacement = 'shared' | 'per-server' | 'off';

export interface CacheSpec {
  readonly placement: CachePlacement;
  /** Entries per cache. */
  readonly capacity: number;
  /** Service time of a cache hit, in ms. */
  readonly hitMs: number;
}

export interface KeySpec {
  /** Keys are integers 0..count-1. */
  readonly count: number;
  /** Zipf exponent s: key k has weight 1/(k+1)^s; 0 is uniform. */
  readonly zipf: number;
}

export type TrafficSpec =
  /** N requests at one instant. */
  | { readonly kind: 'burst'; readonly at: number; readonly burst: number }
  /** Poisson arrivals at a constant rate in [from, to). */
  | {
      readonly kind: 'poisson';
      readonly from: number;
      readonly to: number;
      readonly ratePerSec: number;
    }
  /** Poisson arrivals whose rate moves linearly from start to end over [from, to). */
  | {
      readonly kind: 'ramp';
      readonly from: number;
      readonly to: number;
      readonly startRatePerSec: number;
      readonly endRatePerSec: number;
    };

/** Server fields that can change during a run. */
export interface ServerChanges {
  readonly name?: string;
  readonly capacity?: number;
  readonly weight?: number;
  readonly speed?: number;
  readonly queueLimit?: number | null;
}

export type ScheduledEvent =
  | { readonly at: number; readonly action: 'kill'; readonly server: string }
  | { readonly at: number; readonly action: 'revive'; readonly server: string }
  | {
      readonly at: number;
      readonly action: 'update';
      readonly server: string;
      readonly set: ServerChanges;
    }
  | { readonly at: number; readonly action: 'add'; readonly spec: ServerSpec }
  | { readonly at: number; readonly action: 'remove'; readonly server: string }
  | { readonly at: number; readonly action: 'strategy'; readonly strategy: StrategyName };
