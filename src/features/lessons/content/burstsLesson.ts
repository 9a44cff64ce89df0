import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import {
  capacityOf,
  listJoin,
  moved,
  ms,
  pct,
  plural,
  ranAs,
  ratioChoice,
  runNotes,
  was,
} from './words.ts';

const BURSTS = Array.from({ length: 10 }, (_, i) => ({ at: i * 3000, burst: 30 }));

const base = {
  version: 1 as const,
  seed: 42,
  // Unlimited queues: every request is served, so the runs differ only in how long they wait.
  servers: [
    { name: 'Server-A', capacity: 3, queueLimit: null },
    { name: 'Server-B', capacity: 2, queueLimit: null },
    { name: 'Server-C', capacity: 4, queueLimit: null },
  ],
  service: { distribution: 'uniform' as const, minMs: 200, maxMs: 600 },
  cache: { placement: 'off' as const, capacity: 128, hitMs: 1 },
  traffic: [...BURSTS, { from: 0, to: 30_000, ratePerSec: 10 }],
  // The run stops here, so averages over the run (utilization) have the same time base in
  // the page as in a headless run; every request has finished well before.
  durationMs: 50_000,
};

/** "Server-A (3 slots, 33% of the pool) served 34% of the requests". */
function sharePhrase(run: RunRecord): string {
  const { served } = run.summary.requests;
  const slots = run.setup.servers.reduce((sum, s) => sum + s.capacity, 0);
  return listJoin(
    run.summary.servers.map((s) => {
      const cap = capacityOf(run.setup, s.name);
      const capShare = cap === null || slots === 0 ? '' : ` (${pct(cap / slots)} of the slots)`;
      return `${s.name}${capShare} served ${pct(served > 0 ? s.served / served : 0)} of the requests`;
    }),
  );
}

/**
 * The server with the fewest slots, when it served a larger share of the requests than its share
 * of the slots: its name and both shares; null otherwise.
 */
function smallestOverServed(run: RunRecord) {
  const slots = run.setup.servers.reduce((sum, s) => sum + s.capacity, 0);
  const small = [...run.setup.servers].sort((x, y) => x.capacity - y.capacity)[0];
  const served = run.summary.servers.find((s) => s.name === small?.name)?.served ?? 0;
  const total = run.summary.requests.served;
  if (!small || total === 0 || slots === 0) return null;
  const slotShare = small.capacity / slots;
  const servedShare = served / total;
  return servedShare > slotShare ? { name: small.name, slotShare, servedShare } : null;
}

function explainFirst(run: RunRecord): string[] {
  const { latencyMs, requests } = run.summary;
  const out = [
    ...runNotes(run, 'round-robin'),
    `${plural(requests.served, 'request')} ${was(requests.served)} served. ${sharePhrase(run)}.`,
    `Half the requests finished within ${ms(latencyMs.p50 ?? 0)}, but p99 latency was ` +
      `${ms(latencyMs.p99 ?? 0)} and the slowest took ${ms(latencyMs.max ?? 0)}.`,
  ];
  const small = ranAs(run, 'round-robin') ? smallestOverServed(run) : null;
  if (small)
    out.push(
      'Round robin hands out requests in turn without looking at the queues, so the smallest ' +
        `server, ${small.name}, with ${pct(small.slotShare)} of the slots, served ` +
        `${pct(small.servedShare)} of the requests: more than its share, and its queue took ` +
        'longest to drain.',
    );
  return out;
}

function explainCompare(runs: LessonRuns): string[] {
  const a = runs.rr!.summary;
  const b = runs.lc!;
  const out = [
    ...runNotes(b, 'least-connections'),
    `Least connections: ${sharePhrase(b)}.`,
    `p99 latency ${moved(a.latencyMs.p99, b.summary.latencyMs.p99, ms)}; the slowest request ` +
      `${moved(a.latencyMs.max, b.summary.latencyMs.max, ms)}.`,
  ];
  if (ranAs(b, 'least-connections'))
    out.push(
      'Least connections sends each request to the server with the fewest requests in service ' +
        'or waiting, so a server that drains its queue faster is given more.',
    );
  return out;
}

/** Bursts on unequal servers: round robin, then least connections, on identical requests. */
export const burstsLesson: Lesson = {
  id: 'least-connections-bursts',
  title: 'Least connections vs round robin under bursts',
  summary: 'Bursts of 30 requests every 3 seconds: does looking at the queues help?',
  scenarios: {
    rr: { ...base, name: 'Lesson: Round robin under bursts', strategy: 'round-robin' },
    lc: { ...base, name: 'Lesson: Least connections under bursts', strategy: 'least-connections' },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'rr',
      text: [
        'The demo servers again (capacity 3, 2 and 4), now with unlimited queues, so no request is ' +
          'turned away: they wait instead.',
        'Every 3 seconds a burst of 30 requests lands on top of a steady 10 a second. You will run ' +
          'round robin first, then least connections on exactly the same requests (same seed).',
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question: "How will least connections' p99 latency compare with round robin's?",
      choices: [
        { id: 'lower', label: 'Lower' },
        { id: 'same', label: 'About the same (within 10%)' },
        { id: 'higher', label: 'Higher' },
      ],
      outcome: (runs) =>
        ratioChoice(runs.rr?.summary.latencyMs.p99 ?? null, runs.lc?.summary.latencyMs.p99 ?? null),
    },
    {
      kind: 'run',
      title: 'Run round robin',
      scenario: 'rr',
      speed: 10,
      text: ['Run 30 simulated seconds of bursts at 10× speed with round robin.'],
    },
    {
      kind: 'explain',
      title: 'Round robin',
      needs: ['rr'],
      explain: (runs) => explainFirst(runs.rr!),
    },
    {
      kind: 'try',
      title: 'Now least connections',
      scenario: 'lc',
      speed: 10,
      text: ['Same servers, same bursts, same seed: only the strategy changes.'],
    },
    {
      kind: 'explain',
      title: 'Compared',
      verdict: true,
      needs: ['rr', 'lc'],
      explain: explainCompare,
    },
  ],
};
