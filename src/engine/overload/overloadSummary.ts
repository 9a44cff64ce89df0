import type { OverloadMetrics } from '../metrics/overloadMetrics.ts';

/**
 * The parts of a run's summary that overload control adds (`--json` and the Summary panel). A
 * run reports them once any overload mechanism was on, so the summaries of runs without one stay
 * exactly as they were.
 */
export interface OverloadSummary {
  /** Rejections by the new reasons, beside `noHealthyServers` and `overloaded`. */
  readonly rejectedByReason: {
    /** Shed by a server from its queue (length, queue time, CoDel). */
    readonly shed: number;
    /** Over the balancer's learned concurrency limit for the server picked. */
    readonly limited: number;
    /** Rejected by the client itself (adaptive throttling), never sent. */
    readonly throttled: number;
  };
  /** Served after the deadline: counted as served, but wasted work. */
  readonly servedLate: number;
  /** Served per simulated second over the run. */
  readonly throughput: number;
  /** Served within the deadline per simulated second over the run (= throughput without one). */
  readonly goodput: number;
  readonly hedging: {
    /** Copies sent. */
    readonly sent: number;
    /** Requests whose copy answered first. */
    readonly won: number;
    /** Hedges per request: 0.05 is 5% more requests than without hedging. */
    readonly extraLoad: number;
    /** Slower copies cancelled once the other answered. */
    readonly cancelled: number;
    /** Hedges the budget refused. */
    readonly denied: number;
  };
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** The overload parts of the summary of a run that has served `served` of `arrived` so far. */
export function summarizeOverload(
  m: OverloadMetrics,
  served: number,
  arrived: number,
  simulatedMs: number,
): OverloadSummary {
  const seconds = simulatedMs / 1000;
  const perSec = (n: number) => (seconds > 0 ? round3(n / seconds) : 0);
  const h = m.hedges;
  return {
    rejectedByReason: { shed: m.shed, limited: m.limited, throttled: m.throttled },
    servedLate: m.servedLate,
    throughput: perSec(served),
    goodput: perSec(m.servedInTime),
    hedging: {
      sent: h.sent,
      won: h.won,
      extraLoad: round3(h.extraLoad(arrived)),
      cancelled: h.cancelled,
      denied: h.denied,
    },
  };
}
