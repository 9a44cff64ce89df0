import { summarizeOverload, type OverloadSummary } from './overload/overloadSummary.ts';
import {
  scalingSummary,
  type AutoscalingSummary,
  type CostSummary,
  type SloSummary,
} from './scalingSummary.ts';
import type { Simulation } from './simulation.ts';

/** The result of a run, as `npm run sim -- --json` prints it and the UI's summary shows it. */
export interface RunSummary {
  readonly name: string;
  readonly strategy: string;
  readonly seed: number;
  readonly requests: {
    readonly total: number;
    readonly served: number;
    readonly rejected: number;
    readonly rejectedByReason: {
      readonly noHealthyServers: number;
      readonly overloaded: number;
      /** Present once overload control was on (see OverloadSummary). */
      readonly shed?: number;
      readonly limited?: number;
      readonly throttled?: number;
    };
    /** Ended in an error: the server failed it, crashed, refused or never answered the connection. */
    readonly failed: number;
    /** The client's timeout ran out first. */
    readonly timedOut: number;
    readonly inFlight: number;
    /** Served after the deadline (present once overload control was on). */
    readonly servedLate?: number;
  };
  /** Retries, and the work done for answers nobody waited for any more. */
  readonly retries: {
    readonly sent: number;
    /** Retries the budget refused. */
    readonly denied: number;
    /** Attempts per request: (requests + retries) / requests; 1 without retries. */
    readonly amplification: number;
    readonly lateResponses: number;
    /** Service time spent on late answers, ms. */
    readonly wastedMs: number;
  };
  /** Arrival to completion, queueing included; null fields before any request finished. */
  readonly latencyMs: {
    readonly mean: number | null;
    readonly p50: number | null;
    readonly p90: number | null;
    readonly p99: number | null;
    readonly p999: number | null;
    readonly max: number | null;
  };
  readonly servers: ReadonlyArray<{
    readonly name: string;
    readonly served: number;
    readonly rejected: number;
    /** Attempts that failed or timed out here. */
    readonly failed: number;
    /** Times outlier detection ejected it. */
    readonly ejections: number;
    /** Hit rate of the look-ups its requests made (its own cache when per-server); null before any. */
    readonly cacheHitRate: number | null;
    /** Share of capacity in use, averaged over the run. */
    readonly utilization: number;
    readonly peakActive: number;
  }>;
  readonly cache: {
    readonly placement: string;
    readonly hits: number;
    readonly misses: number;
    readonly evictions: number;
    readonly hitRate: number | null;
  };
  readonly simulatedMs: number;
  /** Served per simulated second (present once overload control was on). */
  readonly throughput?: number;
  /** Served within the deadline per simulated second (present once overload control was on). */
  readonly goodput?: number;
  readonly hedging?: OverloadSummary['hedging'];
  /** Present when the scenario has `autoscaling`, `cost` or `slo` (see scalingSummary.ts). */
  readonly autoscaling?: AutoscalingSummary;
  readonly cost?: CostSummary;
  readonly slo?: SloSummary;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Summarises a run at its current simulated time. */
export function summarize(sim: Simulation): RunSummary {
  const m = sim.metrics;
  const h = m.latency;
  const q = (p: number) => (h.count > 0 ? round3(h.quantile(p)) : null);
  const pool = sim.pool;
  const servers = [];
  for (let slot = 0; slot < pool.size; slot++) {
    servers.push({
      name: pool.names[slot]!,
      served: pool.served[slot]!,
      rejected: pool.rejected[slot]!,
      failed: pool.failed[slot]!,
      ejections: sim.outliers.ejections(slot),
      cacheHitRate:
        pool.cacheLookups[slot]! > 0
          ? round3(pool.cacheHits[slot]! / pool.cacheLookups[slot]!)
          : null,
      utilization: round3(pool.utilization(slot)),
      peakActive: pool.peakActive[slot]!,
    });
  }
  const lookups = m.cacheHits + m.cacheMisses;
  const summary: RunSummary = {
    name: sim.scenario.name,
    strategy: sim.strategyName,
    seed: sim.scenario.seed,
    requests: {
      total: m.arrived,
      served: m.served,
      rejected: m.rejected,
      rejectedByReason: { noHealthyServers: m.rejectedNoHealthy, overloaded: m.rejectedOverloaded },
      failed: m.failed,
      timedOut: m.timedOut,
      inFlight: sim.inFlight,
    },
    retries: {
      sent: m.retries,
      denied: m.retriesDenied,
      amplification: m.arrived > 0 ? round3((m.arrived + m.retries) / m.arrived) : 1,
      lateResponses: m.lateResponses,
      wastedMs: round3(m.wastedMs),
    },
    latencyMs: {
      mean: h.count > 0 ? round3(h.mean) : null,
      p50: q(0.5),
      p90: q(0.9),
      p99: q(0.99),
      p999: q(0.999),
      max: h.count > 0 ? round3(h.max) : null,
    },
    servers,
    cache: {
      placement: sim.cache.spec.placement,
      hits: m.cacheHits,
      misses: m.cacheMisses,
      evictions: sim.cache.evictions,
      hitRate: lookups > 0 ? round3(m.cacheHits / lookups) : null,
    },
    simulatedMs: round3(sim.now),
    ...scalingSummary(sim),
  };
  return sim.overloadSeen ? withOverload(summary, sim) : summary;
}

/** The summary with overload control's figures added where they belong. */
function withOverload(s: RunSummary, sim: Simulation): RunSummary {
  const o = summarizeOverload(sim.metrics.overload, s.requests.served, s.requests.total, sim.now);
  return {
    ...s,
    requests: {
      ...s.requests,
      rejectedByReason: { ...s.requests.rejectedByReason, ...o.rejectedByReason },
      servedLate: o.servedLate,
    },
    throughput: o.throughput,
    goodput: o.goodput,
    hedging: o.hedging,
  };
}
