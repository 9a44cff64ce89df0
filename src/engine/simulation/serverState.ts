import { CLOSED, HALF_OPEN, OPEN } from '../resilience/circuitBreakers.ts';
import type { SimCore } from './simCore.ts';

/** A server as the balancer sees it, and the truth where that differs. */
export interface ServerState {
  readonly up: boolean;
  readonly believedUp: boolean;
  readonly draining: boolean;
  readonly partitioned: boolean;
  readonly ejected: boolean;
  readonly ejectedUntil: number | null;
  readonly ejections: number;
  readonly breaker: 'closed' | 'open' | 'half-open';
  /** Share of its capacity a slowly starting server may use now; null when not starting. */
  readonly slowStart: number | null;
  readonly spike: number;
  readonly errorRate: number;
  readonly failed: number;
}

/**
 * The server read model: one server's state gathered from the pool and the defences, for the
 * servers list, the CLI and tests. Read on demand, never on the hot path.
 */
export function serverStateOf(core: SimCore, slot: number): ServerState {
  const pool = core.pool;
  const defences = core.defences;
  const breaker = defences.breakers.state[slot] ?? CLOSED;
  const ramp = defences.rampNext[slot] !== undefined;
  return {
    up: pool.up[slot] === 1,
    believedUp: pool.lbUp[slot] === 1,
    draining: pool.draining[slot] === 1,
    partitioned: pool.partitioned[slot] === 1,
    ejected: pool.ejected[slot] === 1,
    ejectedUntil: pool.ejected[slot] === 1 ? (defences.ejectedUntil[slot] ?? null) : null,
    ejections: defences.outliers.ejections(slot),
    breaker: breaker === OPEN ? 'open' : breaker === HALF_OPEN ? 'half-open' : 'closed',
    slowStart: ramp ? pool.limit[slot]! / Math.max(1, pool.capacity[slot]!) : null,
    spike: pool.spike[slot]!,
    errorRate: pool.errorRate[slot]!,
    failed: pool.failed[slot]!,
  };
}
