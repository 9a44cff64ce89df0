import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import { formatPercent } from '../../../lib/format.ts';
import { count, ms, pct, ratioChoice, runNotes } from './words.ts';

const MIN = 60_000;
const CAPACITY = 4;

const base = {
  version: 1 as const,
  seed: 42,
  strategy: 'least-connections' as const,
  // Sized for the calm run already: the lesson is about where a target settles, not a cold start.
  servers: [1, 2, 3, 4].map((i) => ({ name: `web-${i}`, capacity: CAPACITY, queueLimit: 16 })),
  service: { distribution: 'uniform' as const, minMs: 100, maxMs: 300 },
  cache: { placement: 'off' as const, capacity: 128, hitMs: 1 },
  traffic: [{ from: 0, to: 20 * MIN, ratePerSec: 40 }],
  durationMs: 20 * MIN,
  cost: { pricePerServerHour: 0.1 },
  slo: { thresholdMs: 500, objective: 0.99 },
};

const autoscaling = (target: number) => ({
  policy: 'hpa' as const,
  metric: 'utilization' as const,
  target,
  minServers: 1,
  maxServers: 20,
  template: { name: 'web', capacity: CAPACITY, queueLimit: 16 },
  provisioningMs: 30_000,
});

/** Mean service time of the run's setup, in seconds. */
function meanServiceSeconds(run: RunRecord): number {
  const s = run.setup.service;
  const mean =
    s.distribution === 'uniform'
      ? (s.minMs + s.maxMs) / 2
      : s.distribution === 'exponential'
        ? s.meanMs
        : s.distribution === 'constant'
          ? s.ms
          : s.medianMs * Math.exp((s.sigma * s.sigma) / 2);
  return mean / 1000;
}

/**
 * Little's law twice over: requests in service = λ × mean service time (what utilization
 * counts), requests in the system = λ × mean time in it, W (in service and waiting).
 */
function littles(run: RunRecord) {
  const { requests, latencyMs, simulatedMs } = run.summary;
  const lambda = simulatedMs > 0 ? requests.total / (simulatedMs / 1000) : 0;
  const service = meanServiceSeconds(run);
  const w = (latencyMs.mean ?? 0) / 1000;
  return { lambda, service, inService: lambda * service, w, inSystem: lambda * w };
}

const target = (run: RunRecord) => run.setup.autoscaling?.target ?? 0;
/** Attainment near 100% needs two decimals: 99.95% is not 100%. */
const share = (v: number) => formatPercent(v, 2);

/** Little's law on one run, and the servers a utilization target asks for against what ran. */
function explainRun(run: RunRecord): string[] {
  const { lambda, service, inService, w, inSystem } = littles(run);
  const u = target(run);
  const perServer = CAPACITY * u;
  const a = run.summary.autoscaling;
  const out = [
    `${count(run.summary.requests.total)} requests arrived in ${ms(run.summary.simulatedMs)}: ` +
      `λ = ${lambda.toFixed(1)} requests a second. Each needs ${ms(service * 1000)} of work on ` +
      `average, so by Little's law λ × ${ms(service * 1000)} = ${inService.toFixed(1)} requests ` +
      'are in service at any moment, on average.',
    `A server works on ${CAPACITY} at once; to keep it ${pct(u)} busy it should hold ` +
      `${perServer.toFixed(1)} of them: ${inService.toFixed(1)} / ${perServer.toFixed(1)} = ` +
      `${(inService / perServer).toFixed(1)} servers (rounded up, as an autoscaler must).`,
  ];
  if (a)
    out.push(
      `The autoscaler, measuring utilization every 15 s, ended with ${a.servers.final} ` +
        `(${a.servers.mean.toFixed(1)} on average over the run).`,
    );
  out.push(
    `Requests spent ${ms(w * 1000)} in the system on average (W), waiting included: ` +
      `L = λ × W = ${inSystem.toFixed(1)} requests in the system, ${(inSystem - inService).toFixed(1)} ` +
      'of them waiting for a free slot.',
  );
  return out;
}

function explainCompare(runs: LessonRuns): string[] {
  const c = runs.calm!.summary;
  const hot = runs.hot!;
  const h = hot.summary;
  return [
    ...runNotes(hot, 'least-connections'),
    ...explainRun(hot),
    `Aiming at ${pct(target(hot))} instead of ${pct(target(runs.calm!))}: p99 went from ` +
      `${ms(c.latencyMs.p99 ?? 0)} to ${ms(h.latencyMs.p99 ?? 0)}, and ` +
      `${share(h.slo?.attainment ?? 0)} of requests were served within 500 ms ` +
      `(${share(c.slo?.attainment ?? 0)} before).`,
    `The bill went from $${(c.cost?.dollars ?? 0).toFixed(3)} to ` +
      `$${(h.cost?.dollars ?? 0).toFixed(3)}. A fuller server is cheaper, but requests wait for a ` +
      'free slot more often: near full, a little more load makes the queue, and the latency, grow ' +
      'fast. That is why autoscalers aim well below 100%.',
  ];
}

/** Capacity planning: Little's law, and what a utilization target costs and buys. */
export const capacityLesson: Lesson = {
  id: 'capacity-littles-law',
  title: "Capacity: Little's law and utilization targets",
  summary: 'How many servers does 40 requests a second need, and what does aiming higher cost?',
  scenarios: {
    calm: {
      ...base,
      name: 'Lesson: autoscaling to 50% utilization',
      autoscaling: autoscaling(0.5),
    },
    hot: { ...base, name: 'Lesson: autoscaling to 90% utilization', autoscaling: autoscaling(0.9) },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'calm',
      text: [
        'Requests arrive at 40 a second and each needs 100–300 ms of work. A server works on 4 ' +
          'at once. Four servers run, with an autoscaler in the style of Kubernetes’ ' +
          'HorizontalPodAutoscaler that adds or drains servers to keep them 50% busy.',
        "Little's law says how many requests are in the system on average: the arrival rate " +
          'times the time each spends there (L = λ × W). The servers needed follow from it.',
      ],
    },
    {
      kind: 'run',
      title: 'Run at a 50% target',
      scenario: 'calm',
      speed: 20,
      text: ['Twenty simulated minutes at 20× speed: watch where the autoscaler settles.'],
    },
    {
      kind: 'explain',
      title: "Little's law",
      needs: ['calm'],
      explain: (runs) => [...runNotes(runs.calm!, 'least-connections'), ...explainRun(runs.calm!)],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question: 'If the autoscaler aims at 90% utilization instead, what happens to p99 latency?',
      choices: [
        { id: 'lower', label: 'Lower' },
        { id: 'same', label: 'About the same (within 10%)' },
        { id: 'higher', label: 'Higher' },
      ],
      outcome: (runs) =>
        ratioChoice(
          runs.calm?.summary.latencyMs.p99 ?? null,
          runs.hot?.summary.latencyMs.p99 ?? null,
        ),
    },
    {
      kind: 'try',
      title: 'Aim at 90%',
      scenario: 'hot',
      speed: 20,
      text: ['Same traffic and seed; only the target changes, from 50% to 90%.'],
    },
    {
      kind: 'explain',
      title: 'What the target costs and buys',
      verdict: true,
      needs: ['calm', 'hot'],
      explain: explainCompare,
    },
  ],
};
