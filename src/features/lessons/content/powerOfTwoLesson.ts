import { maxServiceMs } from './scenarioFacts.ts';
import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import { count, moved, ms, plural, ranAs, ratioChoice, servedRange, runNotes } from './words.ts';

const base = {
  version: 1 as const,
  seed: 42,
  strategyOptions: { choices: 2 },
  servers: Array.from({ length: 10 }, (_, i) => ({
    name: `S${i + 1}`,
    capacity: 4,
    queueLimit: null,
  })),
  service: { distribution: 'uniform' as const, minMs: 200, maxMs: 600 },
  cache: { placement: 'off' as const, capacity: 128, hitMs: 1 },
  traffic: [{ from: 0, to: 30_000, ratePerSec: 80 }],
  // The run stops here, so averages over the run (utilization) have the same time base in
  // the page as in a headless run; every request has finished well before.
  durationMs: 35_000,
};

/** How unevenly the requests were spread, and the tail it caused. */
function spreadPhrases(run: RunRecord): string[] {
  const range = servedRange(run);
  const { latencyMs } = run.summary;
  const out = [];
  if (range)
    out.push(
      `The busiest server, ${range.most.name}, served ${plural(range.most.served, 'request')} and ` +
        `the least busy, ${range.fewest.name}, ${count(range.fewest.served)}.`,
    );
  const max = maxServiceMs(run.setup.service);
  const tail =
    max !== null && (latencyMs.p99 ?? 0) > max
      ? `; a request needs at most ${ms(max)} of work, so the rest was queueing`
      : '';
  out.push(`p99 latency was ${ms(latencyMs.p99 ?? 0)}${tail}.`);
  return out;
}

function explainRandom(run: RunRecord): string[] {
  const out = [...runNotes(run, 'random'), ...spreadPhrases(run)];
  if (ranAs(run, 'random'))
    out.push(
      'Random picks a server without looking at it, so at any moment some servers have been ' +
        'picked a few times too often and build a queue while others sit idle.',
    );
  return out;
}

function explainCompare(runs: LessonRuns): string[] {
  const a = runs.random!.summary;
  const b = runs.p2c!;
  const out = [
    ...runNotes(b, 'power-of-two-choices'),
    ...spreadPhrases(b),
    `Against random, p99 latency ${moved(a.latencyMs.p99, b.summary.latencyMs.p99, ms)} and the ` +
      `slowest request ${moved(a.latencyMs.max, b.summary.latencyMs.max, ms)}.`,
  ];
  if (ranAs(b, 'power-of-two-choices'))
    out.push(
      'Looking at just two servers and taking the less busy one is enough to avoid most of the ' +
        'unlucky pile-ups, at the cost of reading two load numbers instead of none.',
    );
  return out;
}

/** Random against power of two choices on ten equal servers near their limit. */
export const powerOfTwoLesson: Lesson = {
  id: 'power-of-two',
  title: 'Power of two choices vs random',
  summary: 'Ten equal servers at 80% load: how much does a second look help?',
  scenarios: {
    random: { ...base, name: 'Lesson: Random on ten servers', strategy: 'random' },
    p2c: {
      ...base,
      name: 'Lesson: Power of two choices on ten servers',
      strategy: 'power-of-two-choices',
    },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'random',
      text: [
        'Ten equal servers, S1 to S10, each working on up to 4 requests with an unlimited queue.',
        '80 requests a second for 30 seconds, each needing 200–600 ms of work: on average 32 of ' +
          'the 40 slots are busy. The strategy is random: every request goes to a server picked ' +
          'at random.',
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question:
        'Power of two choices picks two servers at random and sends the request to the less busy ' +
        'one. Compared with plain random, its p99 latency will be…',
      choices: [
        { id: 'lower', label: 'Lower' },
        { id: 'same', label: 'About the same (within 10%)' },
        { id: 'higher', label: 'Higher' },
      ],
      outcome: (runs) =>
        ratioChoice(
          runs.random?.summary.latencyMs.p99 ?? null,
          runs.p2c?.summary.latencyMs.p99 ?? null,
        ),
    },
    {
      kind: 'run',
      title: 'Run random',
      scenario: 'random',
      speed: 10,
      text: ['Run 30 simulated seconds at 10× speed with random choice.'],
    },
    {
      kind: 'explain',
      title: 'Random',
      needs: ['random'],
      explain: (runs) => explainRandom(runs.random!),
    },
    {
      kind: 'try',
      title: 'Now two choices',
      scenario: 'p2c',
      speed: 10,
      text: ['Same servers, same requests (same seed); the strategy samples two servers (d = 2).'],
    },
    {
      kind: 'explain',
      title: 'Compared',
      verdict: true,
      needs: ['random', 'p2c'],
      explain: explainCompare,
    },
  ],
};
