import type { Scenario } from '../../engine/scenario/types.ts';
import {
  cheHitRate,
  erlangB,
  mm1,
  supermarketMeanSojourn,
  zipfProbabilities,
} from '../../engine/theory.ts';
import { formatCount, formatMs, formatPercent } from '../../lib/format.ts';
import { countOf } from '../../lib/words.ts';
import {
  describeService,
  meanServiceMs,
  nameList,
  poissonRate,
  queueingReasons,
  rateText,
} from './theoryInputs.ts';

/**
 * Which closed-form result covers the current setup, and what it predicts. Each formula lists
 * precisely why a setup is outside it rather than showing a number that does not apply.
 */

export type FormulaId = 'erlang-b' | 'mm1' | 'supermarket' | 'che';

/** One formula's verdict on a setup. */
export interface TheoryPrediction {
  readonly id: FormulaId;
  /** 'share': a fraction 0..1; 'ms': a mean time. */
  readonly unit: 'share' | 'ms';
  /** Null exactly when `reasons` is not empty. */
  readonly predicted: number | null;
  readonly reasons: readonly string[];
  /** The inputs, in words ("9 slots, 7.00 erlangs offered"). */
  readonly detail: string;
  /**
   * The supermarket model's λ (load per server) and d when it applies, for its curve, with the
   * span of the steady traffic (samples outside it are not steady state).
   */
  readonly curve?: {
    readonly load: number;
    readonly d: number;
    readonly fromMs: number;
    readonly toMs: number;
  };
}

/** Fewest servers for which the supermarket model (an n → ∞ limit) is close for d ≥ 2. */
export const SUPERMARKET_MIN_SERVERS = 20;
/** Most keys the page evaluates the Che approximation for (it is O(keys) per iteration). */
export const CHE_MAX_KEYS = 1_000_000;
/** Strategies that route by key: each per-server cache sees its own keys, not the whole mix. */
const KEY_ROUTED = new Set(['consistent-hash', 'modulo-hash', 'maglev']);

/** The setup as the formulas see it: the scenario plus the live steady rate. */
export interface TheorySetup {
  readonly setup: Scenario;
  readonly liveRatePerSec: number;
}

/** Erlang B: blocking of a loss system (no queues) with Σ capacity slots. */
export function erlangBPrediction({ setup, liveRatePerSec }: TheorySetup): TheoryPrediction {
  const { ratePerSec, reasons: traffic } = poissonRate(setup, liveRatePerSec);
  const reasons = [...traffic, ...queueingReasons(setup)];
  const queued = setup.servers.filter((s) => s.queueLimit !== 0).map((s) => s.name);
  if (queued.length > 0) {
    reasons.push(`${nameList(queued)} can queue requests (Erlang B needs every queue limit 0)`);
  }
  if (setup.resilience.panicThresholdPercent > 0) {
    reasons.push('the panic threshold sends requests to full servers');
  }
  const slots = setup.servers.reduce((n, s) => n + s.capacity, 0);
  const meanMs = meanServiceMs(setup.service) / (setup.servers[0]?.speed ?? 1);
  const erlangs = ratePerSec === null ? null : (ratePerSec * meanMs) / 1000;
  const detail =
    `${countOf(slots, 'slot')}` +
    (erlangs === null
      ? ''
      : `, ${erlangs.toFixed(2)} erlangs offered (${rateText(ratePerSec!)} × ${formatMs(meanMs)})`);
  const predicted = reasons.length === 0 && erlangs !== null ? erlangB(slots, erlangs) : null;
  return { id: 'erlang-b', unit: 'share', predicted, reasons, detail };
}

/** Reasons and per-server load shared by M/M/1 and the supermarket model (one slot, FIFO, M/M). */
function singleServerQueues(setup: Scenario, liveRatePerSec: number) {
  const { ratePerSec, reasons: traffic } = poissonRate(setup, liveRatePerSec);
  const reasons = [...traffic, ...queueingReasons(setup)];
  const wide = setup.servers.filter((s) => s.capacity !== 1).map((s) => s.name);
  if (wide.length > 0) reasons.push(`${nameList(wide)} serve more than one request at a time`);
  const bounded = setup.servers.filter((s) => s.queueLimit !== null).map((s) => s.name);
  if (bounded.length > 0) {
    reasons.push(`the queues of ${nameList(bounded)} are bounded (needs unbounded queues)`);
  }
  if (setup.service.distribution !== 'exponential') {
    reasons.push(`service times are ${describeService(setup.service)}, not exponential`);
  }
  const n = setup.servers.length;
  const meanMs = meanServiceMs(setup.service) / (setup.servers[0]?.speed ?? 1);
  // Offered load per service slot: with one slot per server (the only case predicted) it is the
  // model's ρ = λ / (n μ).
  const slots = setup.servers.reduce((sum, s) => sum + s.capacity, 0);
  const rho = ratePerSec === null ? null : (ratePerSec * meanMs) / 1000 / slots;
  if (rho !== null && rho >= 1) {
    reasons.push(
      `the load is ${formatPercent(rho, 0)} of what the servers can serve: queues grow without end`,
    );
  }
  return { reasons, n, meanMs, rho };
}

/** The sampled choice count d of the strategy, or null when it is not a sample-d strategy. */
function choiceCount(setup: Scenario): number | null {
  if (setup.strategy === 'random') return 1;
  if (setup.strategy === 'power-of-two-choices') return setup.strategyOptions.choices;
  return null;
}

/** M/M/1 per server under random routing: mean time in system 1/(μ − λ/n). */
export function mm1Prediction({ setup, liveRatePerSec }: TheorySetup): TheoryPrediction {
  const { reasons, n, meanMs, rho } = singleServerQueues(setup, liveRatePerSec);
  if (choiceCount(setup) !== 1) {
    reasons.unshift(`the strategy is ${setup.strategy}; M/M/1 per server needs random routing`);
  }
  const detail =
    `${n} server${n > 1 ? 's' : ''}, mean service ${formatMs(meanMs)}` +
    (rho === null ? '' : `, load ${formatPercent(rho, 0)} each`);
  const predicted =
    reasons.length === 0 && rho !== null ? mm1(rho / meanMs, 1 / meanMs)!.meanResponseMs : null;
  return { id: 'mm1', unit: 'ms', predicted, reasons, detail };
}

/** The supermarket model's mean sojourn for power of d choices (the n → ∞ fixed point). */
export function supermarketPrediction({ setup, liveRatePerSec }: TheorySetup): TheoryPrediction {
  const { reasons, n, meanMs, rho } = singleServerQueues(setup, liveRatePerSec);
  const d = choiceCount(setup);
  if (d === null) {
    reasons.unshift(
      `the strategy is ${setup.strategy}; the model is for power of d choices (or random, d = 1)`,
    );
  } else if (d >= 2) {
    // Its error grows with d/n and with the load; these bounds keep it within about 5 %.
    if (n < SUPERMARKET_MIN_SERVERS) {
      reasons.push(
        `${countOf(n, 'server')} ${n === 1 ? 'is' : 'are'} too few: the model is a limit of many servers (at least ${SUPERMARKET_MIN_SERVERS})`,
      );
    }
    if (d * 10 > n)
      reasons.push(`d = ${d} samples too much of ${countOf(n, 'server')} (needs d ≤ n/10)`);
    if (rho !== null && rho > 0.9 && rho < 1) {
      reasons.push(
        `at ${formatPercent(rho, 0)} load a finite pool strays from the limit (needs ≤ 90%)`,
      );
    }
  }
  const detail =
    `d = ${d ?? '–'} of ${countOf(n, 'server')}, mean service ${formatMs(meanMs)}` +
    (rho === null ? '' : `, load ${formatPercent(rho, 0)}`);
  if (reasons.length > 0 || rho === null || d === null) {
    return { id: 'supermarket', unit: 'ms', predicted: null, reasons, detail };
  }
  const predicted = supermarketMeanSojourn(rho, d) * meanMs;
  // One Poisson entry (or only the live rate, which runs from now on without end).
  const own = setup.traffic.find((t) => t.kind === 'poisson');
  const span = own ? { fromMs: own.from, toMs: own.to } : { fromMs: 0, toMs: Infinity };
  return {
    id: 'supermarket',
    unit: 'ms',
    predicted,
    reasons,
    detail,
    curve: { load: rho, d, ...span },
  };
}

/**
 * The last Che hit rate worked out, so a setup edit that leaves the cache and the keys alone does
 * not redo it (a million keys take a while). Each panel keeps its own.
 */
export class CheMemo {
  private key = '';
  private value = NaN;

  hitRate(capacity: number, keys: number, zipf: number): number {
    const key = `${capacity}|${keys}|${zipf}`;
    if (key !== this.key) {
      this.key = key;
      this.value = cheHitRate(capacity, zipfProbabilities(keys, zipf));
    }
    return this.value;
  }
}

/** The Che approximation of an LRU cache's hit rate under independent Zipf requests. */
export function chePrediction({ setup }: TheorySetup, memo = new CheMemo()): TheoryPrediction {
  const { cache, keys } = setup;
  const reasons: string[] = [];
  if (cache.placement === 'off') reasons.push('the cache is off');
  if (cache.placement === 'per-server' && KEY_ROUTED.has(setup.strategy)) {
    reasons.push(`${setup.strategy} routes by key, so each server’s cache sees only its own keys`);
  }
  if (keys.count > CHE_MAX_KEYS) {
    reasons.push(
      `${formatCount(keys.count)} keys are more than the page evaluates (${formatCount(CHE_MAX_KEYS)})`,
    );
  }
  if (setup.resilience.retry.mode !== 'off')
    reasons.push('retries repeat a key right after it failed');
  const where = cache.placement === 'per-server' ? ' per server' : '';
  const detail = `${countOf(cache.capacity, 'entry', 'entries')}${where}, ${countOf(keys.count, 'key')}, Zipf ${keys.zipf}`;
  if (reasons.length > 0) return { id: 'che', unit: 'share', predicted: null, reasons, detail };
  const predicted = memo.hitRate(cache.capacity, keys.count, keys.zipf);
  return { id: 'che', unit: 'share', predicted, reasons, detail };
}

/** Every formula's verdict on the setup, in the order the panel lists them. */
export function theoryPredictions(input: TheorySetup, che = new CheMemo()): TheoryPrediction[] {
  return [
    erlangBPrediction(input),
    mm1Prediction(input),
    supermarketPrediction(input),
    chePrediction(input, che),
  ];
}

/** The figures of a run summary the formulas are checked against (a RunSummary has them all). */
export interface MeasuredFigures {
  readonly requests: { readonly total: number; readonly served: number; readonly rejected: number };
  readonly latencyMs: { readonly mean: number | null };
  readonly cache: {
    readonly hits: number;
    readonly misses: number;
    readonly hitRate: number | null;
  };
}

/** What the simulation measured for a formula, with how much it rests on. */
export function measuredFor(
  id: FormulaId,
  s: MeasuredFigures,
): { readonly value: number | null; readonly note: string } {
  if (id === 'erlang-b') {
    const n = s.requests.total;
    return {
      value: n > 0 ? s.requests.rejected / n : null,
      note: `over ${countOf(n, 'request')}`,
    };
  }
  if (id === 'che') {
    const n = s.cache.hits + s.cache.misses;
    return { value: s.cache.hitRate, note: `over ${countOf(n, 'look-up')}` };
  }
  return {
    value: s.latencyMs.mean,
    note: `mean of ${countOf(s.requests.served, 'finished request')}`,
  };
}

/** A reference line for the latency histogram: the mean time the covering formula predicts. */
export function latencyReference(input: TheorySetup): { value: number; label: string } | null {
  const mm = mm1Prediction(input);
  if (mm.predicted !== null) return { value: mm.predicted, label: 'M/M/1 mean' };
  const sm = supermarketPrediction(input);
  if (sm.predicted !== null) return { value: sm.predicted, label: 'supermarket mean' };
  return null;
}
