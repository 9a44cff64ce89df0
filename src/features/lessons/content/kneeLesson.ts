import { mm1 } from '../../../engine/theory.ts';
import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import { moved, ms, runNotes } from './words.ts';

/**
 * The knee of the latency-versus-load curve, after the sweep preset "the knee": twenty
 * single-slot servers with exponential service (mean 10 ms) behind random routing are M/M/1
 * queues, whose mean time in system 1/(μ − λ) grows as 1/(1 − load). Doubling the load from 45%
 * to 90% does not double latency: it multiplies it by (1 − 0.45)/(1 − 0.9) = 5.5. Power of two
 * choices (Mitzenmacher's supermarket model) moves the knee far to the right.
 */

const SERVICE_MS = 10;
const SERVERS = 20;
/** Requests per second that make `load` of the pool's capacity (20 slots of 100 per second). */
const rateFor = (load: number) => Math.round((load * SERVERS * 1000) / SERVICE_MS);

const base = {
  version: 1 as const,
  seed: 42,
  servers: Array.from({ length: SERVERS }, (_, i) => ({
    name: `S${String(i + 1).padStart(2, '0')}`,
    capacity: 1,
    queueLimit: null,
  })),
  service: { distribution: 'exponential' as const, meanMs: SERVICE_MS },
  cache: { placement: 'off' as const, capacity: 128, hitMs: 1 },
  // Arrivals stop at 30 s; the run goes on until the queues have drained.
  durationMs: 32_000,
};
const traffic = (load: number) => [{ from: 0, to: 30_000, ratePerSec: rateFor(load) }];

const LOW = 0.45;
const HIGH = 0.9;

/** M/M/1's mean time in system at `load` with 10 ms mean service, in ms. */
const theoryMs = (load: number) => mm1(load / SERVICE_MS, 1 / SERVICE_MS)!.meanResponseMs;

const meanOf = (run: RunRecord | undefined) => run?.summary.latencyMs.mean ?? null;

/** Which prediction the two random runs bear out, by the ratio of their mean latencies. */
export function kneeChoice(runs: LessonRuns): string | null {
  const low = meanOf(runs.low);
  const high = meanOf(runs.high);
  if (low === null || high === null || !(low > 0)) return null;
  const ratio = high / low;
  if (ratio < 1.4) return 'same';
  if (ratio < 3) return 'double';
  return 'wall';
}

function explainRandom(runs: LessonRuns): string[] {
  const low = runs.low!;
  const high = runs.high!;
  const a = meanOf(low);
  const b = meanOf(high);
  const out = [...runNotes(low, 'random'), ...runNotes(high, 'random')];
  const p99 = (run: RunRecord) => run.summary.latencyMs.p99;
  out.push(
    `From ${LOW * 100}% to ${HIGH * 100}% load, mean latency ${moved(a, b, ms)} and p99 ` +
      `${moved(p99(low), p99(high), ms)}.`,
  );
  if (a !== null && b !== null && a > 0) {
    out.push(
      `That is ${(b / a).toFixed(1)} times as long for twice the traffic. Theory (M/M/1 per ` +
        `server, since random routing splits Poisson traffic into independent Poisson streams) ` +
        `says ${ms(theoryMs(LOW))} and ${ms(theoryMs(HIGH))}: the mean grows as 1/(1 − load).`,
    );
  }
  out.push(
    'Latency stays nearly flat at low load, bends at the knee (where it reaches twice its ' +
      'low-load value, around 55% load here when the curve starts at 10%) and then climbs a wall as the load nears 100%.',
  );
  return out;
}

function explainChoices(runs: LessonRuns): string[] {
  const out = [...runNotes(runs.p2c!, 'power-of-two-choices')];
  out.push(
    `At ${HIGH * 100}% load, with power of two choices the mean ${moved(meanOf(runs.high), meanOf(runs.p2c), ms)} ` +
      `and p99 ${moved(runs.high!.summary.latencyMs.p99, runs.p2c!.summary.latencyMs.p99, ms)}.`,
    'Checking two servers instead of none moves the knee far to the right (the supermarket ' +
      'model). To see the whole curve for each strategy with confidence bands and theory, open ' +
      'the Sweep panel, pick “The knee” and press Run sweep.',
  );
  return out;
}

/** Random routing at moderate and high load, then two choices at the high load. */
export const kneeLesson: Lesson = {
  id: 'the-knee',
  title: 'The knee: latency against load',
  summary: 'Twice the traffic, how much more waiting? Twenty servers at 45% and at 90% load.',
  scenarios: {
    low: { ...base, name: 'Lesson: Random at 45% load', strategy: 'random', traffic: traffic(LOW) },
    high: {
      ...base,
      name: 'Lesson: Random at 90% load',
      strategy: 'random',
      traffic: traffic(HIGH),
    },
    p2c: {
      ...base,
      name: 'Lesson: Two choices at 90% load',
      strategy: 'power-of-two-choices',
      strategyOptions: { choices: 2 },
      traffic: traffic(HIGH),
    },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'low',
      text: [
        `Twenty servers that each work on one request at a time, with unlimited queues. Requests ` +
          `need ${SERVICE_MS} ms of work on average (exponentially distributed) and arrive at ` +
          `random (Poisson), ${rateFor(LOW).toLocaleString('en-US')} a second: ${LOW * 100}% of ` +
          `what the pool can serve. Random routing picks a server without looking.`,
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question: `Doubling the traffic to ${HIGH * 100}% load, the mean latency with random routing will be…`,
      choices: [
        { id: 'same', label: 'About the same: the servers still have spare capacity' },
        { id: 'double', label: 'About twice as long: twice the requests' },
        { id: 'wall', label: 'Three or more times as long' },
      ],
      outcome: kneeChoice,
    },
    {
      kind: 'run',
      title: `Run at ${LOW * 100}% load`,
      scenario: 'low',
      speed: 5,
      text: ['Thirty simulated seconds at 5× speed; watch the latency chart.'],
    },
    {
      kind: 'try',
      title: `Now ${HIGH * 100}% load`,
      scenario: 'high',
      speed: 5,
      text: ['The same servers and service times, with twice the arrivals.'],
    },
    {
      kind: 'explain',
      title: 'The knee',
      verdict: true,
      needs: ['low', 'high'],
      explain: explainRandom,
    },
    {
      kind: 'try',
      title: 'Two choices at the same load',
      scenario: 'p2c',
      speed: 5,
      text: ['Each request now goes to the less busy of two servers picked at random.'],
    },
    {
      kind: 'explain',
      title: 'Moving the knee',
      needs: ['high', 'p2c'],
      explain: explainChoices,
    },
  ],
};
