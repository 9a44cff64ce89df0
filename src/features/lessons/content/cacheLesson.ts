import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import { count, moved, pct, plural, ranAs, servedRange, runNotes } from './words.ts';

const base = {
  version: 1 as const,
  seed: 42,
  servers: [
    { name: 'Server-A', capacity: 4, queueLimit: 10 },
    { name: 'Server-B', capacity: 4, queueLimit: 10 },
    { name: 'Server-C', capacity: 4, queueLimit: 10 },
  ],
  service: { distribution: 'uniform' as const, minMs: 200, maxMs: 600 },
  cache: { placement: 'per-server' as const, capacity: 128, hitMs: 1 },
  keys: { count: 1000, zipf: 1 },
  traffic: [{ from: 0, to: 30_000, ratePerSec: 20 }],
  // The run stops here, so averages over the run (utilization) have the same time base in
  // the page as in a headless run; every request has finished well before.
  durationMs: 35_000,
};

/** "Hit rate 59% (1,020 hits, 700 misses)". */
function hitPhrase(run: RunRecord): string {
  const { hitRate, hits, misses } = run.summary.cache;
  return `the cache hit rate was ${pct(hitRate ?? 0)} (${count(hits)} hits, ${count(misses)} misses)`;
}

function explainRoundRobin(run: RunRecord): string[] {
  const out = [...runNotes(run, 'round-robin'), `With round robin, ${hitPhrase(run)}.`];
  if (ranAs(run, 'round-robin'))
    out.push(
      'Round robin sends a key to whichever server is next, so every server sees every popular ' +
        'key and each of the three caches spends its 128 entries on the same keys.',
    );
  return out;
}

function explainCompare(runs: LessonRuns): string[] {
  const a = runs.rr!.summary;
  const b = runs.ch!;
  const out = [
    ...runNotes(b, 'consistent-hash'),
    `With consistent hashing, ${hitPhrase(b)}: the hit rate ${moved(a.cache.hitRate, b.summary.cache.hitRate, pct)}.`,
  ];
  if (ranAs(b, 'consistent-hash'))
    out.push(
      'Consistent hashing sends each key to the same server every time, so the three caches hold ' +
        'different keys: together they remember up to three times as many.',
    );
  const range = servedRange(b);
  if (range && range.most.served > range.fewest.served * 1.3)
    out.push(
      `The price is balance: ${range.most.name} served ${plural(range.most.served, 'request')} and ` +
        `${range.fewest.name} only ${count(range.fewest.served)}, because popular keys are not ` +
        'spread evenly around the ring.',
    );
  return out;
}

/** A cache on each server, round robin against consistent hashing. */
export const cacheLesson: Lesson = {
  id: 'consistent-hash-cache',
  title: 'Consistent hashing and per-server cache hit rate',
  summary: 'Each server has its own cache. Does it matter which server a key goes to?',
  scenarios: {
    rr: { ...base, name: 'Lesson: Per-server caches with round robin', strategy: 'round-robin' },
    ch: {
      ...base,
      name: 'Lesson: Per-server caches with consistent hashing',
      strategy: 'consistent-hash',
    },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'rr',
      text: [
        'Three servers, each with its own cache of 128 entries. A cache hit takes 1 ms instead of ' +
          '200–600 ms of work.',
        'Requests ask for 1,000 keys, a few of them far more popular than the rest (Zipf, s = 1), ' +
          'at 20 a second for 30 seconds. The strategy is round robin.',
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question:
        'Switching from round robin to consistent hashing (each key always goes to the same ' +
        'server) will make the overall cache hit rate…',
      choices: [
        { id: 'higher', label: 'Higher' },
        { id: 'same', label: 'About the same (within 2 points)' },
        { id: 'lower', label: 'Lower' },
      ],
      outcome: (runs) => {
        const a = runs.rr?.summary.cache.hitRate;
        const b = runs.ch?.summary.cache.hitRate;
        if (a === undefined || b === undefined || a === null || b === null) return null;
        if (Math.abs(b - a) <= 0.02) return 'same';
        return b > a ? 'higher' : 'lower';
      },
    },
    {
      kind: 'run',
      title: 'Run round robin',
      scenario: 'rr',
      speed: 10,
      text: ['Run 30 simulated seconds at 10× speed. Watch the hit rate in the cache panel.'],
    },
    {
      kind: 'explain',
      title: 'Round robin',
      needs: ['rr'],
      explain: (runs) => explainRoundRobin(runs.rr!),
    },
    {
      kind: 'try',
      title: 'Now consistent hashing',
      scenario: 'ch',
      speed: 10,
      text: ['Same servers, caches and requests (same seed); keys now choose their server.'],
    },
    {
      kind: 'explain',
      title: 'Compared',
      verdict: true,
      needs: ['rr', 'ch'],
      explain: explainCompare,
    },
  ],
};
