import type { RawScenario } from '../../../engine/scenario/schema.ts';
import type { Scenario } from '../../../engine/scenario/types.ts';
import type { RunSummary } from '../../../engine/summary.ts';
import type { Challenge, CheckResult, Goal, ItemResult, SetupPart } from './types.ts';

/** Scenario name a check runs under, so the page and the log say what is being judged. */
export function checkName(challenge: Challenge): string {
  return `Challenge: ${challenge.title}`;
}

/**
 * Puts the challenge's workload over a setup: traffic, service times, keys, seed and the fixed
 * cache fields come from the challenge; servers, strategy, autoscaling and the rest of the cache
 * from the setup. The run's length, price and latency objective come from the challenge when it
 * sets them. Everything else takes its default: no scheduled events, the optional defences
 * (timeouts, retries, health checks…) off, and without a duration the run goes until every
 * request finished; except in an overload challenge, whose spike, run length and client behaviour
 * are the workload's and whose overload defences (shedding, contention, limiter, throttling,
 * hedging) are the learner's.
 */
export function imposeWorkload(setup: RawScenario, challenge: Challenge): RawScenario {
  const w = challenge.workload;
  const base: RawScenario = {
    version: 1,
    name: checkName(challenge),
    seed: w.seed,
    strategy: setup.strategy,
    strategyOptions: setup.strategyOptions,
    servers: setup.servers,
    service: w.service,
    cache: { ...setup.cache, ...w.cache },
    keys: w.keys,
    traffic: w.traffic,
    events: [],
    durationMs: w.durationMs ?? null,
    sampleIntervalMs: setup.sampleIntervalMs,
    // The learner's autoscaler is theirs to tune; the price and the objective are the brief's.
    ...(setup.autoscaling ? { autoscaling: setup.autoscaling } : {}),
    ...(w.cost ? { cost: w.cost } : {}),
    ...(w.slo ? { slo: w.slo } : {}),
  };
  const o = w.overload;
  if (!o) return base;
  // An overload challenge: the learner's overload defences, the workload's spike and client.
  const mine = setup.resilience ?? {};
  return {
    ...base,
    events: o.events,
    durationMs: o.durationMs,
    shedding: setup.shedding,
    contention: setup.contention,
    resilience: {
      limiter: mine.limiter,
      throttling: mine.throttling,
      hedge: mine.hedge,
      ...o.client,
    },
  };
}

/** A starting point or solution as a complete scenario file. */
export function challengeScenario(challenge: Challenge, part: SetupPart): RawScenario {
  return imposeWorkload({ version: 1, ...part }, challenge);
}

/** "≤ 800 ms", "≥ 80.0%". */
export function goalTarget(goal: Goal): string {
  return `${goal.direction === 'atMost' ? '≤' : '≥'} ${goal.format(goal.limit)}`;
}

function judgeGoal(goal: Goal, summary: RunSummary): ItemResult {
  const v = goal.measure(summary);
  const pass = v !== null && (goal.direction === 'atMost' ? v <= goal.limit : v >= goal.limit);
  return {
    id: goal.id,
    label: goal.label,
    target: goalTarget(goal),
    value: v === null ? 'not measured' : goal.format(v),
    pass,
  };
}

/** Every constraint against the setup that ran and every goal against its summary. */
export function evaluate(challenge: Challenge, setup: Scenario, summary: RunSummary): CheckResult {
  const constraints = challenge.constraints.map((c) => {
    const { pass, value } = c.measure(setup);
    return { id: c.id, label: c.label, target: c.target, value, pass };
  });
  const goals = challenge.goals.map((g) => judgeGoal(g, summary));
  const pass = [...constraints, ...goals].every((r) => r.pass);
  return { pass, constraints, goals };
}
