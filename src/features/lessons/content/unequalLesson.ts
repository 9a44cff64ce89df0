import { maxServiceMs } from './scenarioFacts.ts';
import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import {
  busiest,
  capacityOf,
  count,
  listJoin,
  moved,
  ms,
  pct,
  points,
  ranAs,
  servedRange,
  runNotes,
} from './words.ts';

const SERVERS = [
  { name: 'Big', capacity: 8, weight: 4, queueLimit: 10 },
  { name: 'Small-1', capacity: 2, weight: 1, queueLimit: 10 },
  { name: 'Small-2', capacity: 2, weight: 1, queueLimit: 10 },
];

const base = {
  version: 1 as const,
  seed: 42,
  servers: SERVERS,
  service: { distribution: 'uniform' as const, minMs: 200, maxMs: 600 },
  // No cache: a cache hit takes 1 ms and would hide how busy the servers are.
  cache: { placement: 'off' as const, capacity: 128, hitMs: 1 },
  traffic: [{ from: 0, to: 30_000, ratePerSec: 20 }],
  // The run stops here, so averages over the run (utilization) have the same time base in
  // the page as in a headless run; every request has finished well before.
  durationMs: 35_000,
};

/** "Big served 282 requests and was busy 43% of its capacity". */
function loadPhrase(run: RunRecord): string {
  return listJoin(
    run.summary.servers.map((s) => {
      const cap = capacityOf(run.setup, s.name);
      return `${s.name}${cap === null ? '' : ` (capacity ${cap})`} served ${count(s.served)} and was ${pct(s.utilization)} busy`;
    }),
  );
}

function explainRoundRobin(run: RunRecord): string[] {
  const out = [
    ...runNotes(run, 'round-robin'),
    `${loadPhrase(run)}. (Busy: the share of a server's slots in use, averaged over the whole ` +
      `${ms(run.summary.simulatedMs)} run.)`,
  ];
  const range = servedRange(run);
  // The story is about round robin; after a switch mid-run only the numbers are told.
  const rr = ranAs(run, 'round-robin');
  if (rr && range && range.most.served <= range.fewest.served * 1.3)
    out.push('Round robin gave every server about the same number of requests, whatever its size.');
  else if (rr && range)
    out.push(
      `${range.most.name} served the most (${count(range.most.served)}) and ${range.fewest.name} ` +
        `the fewest (${count(range.fewest.served)}): round robin skips a server whose queue is full, ` +
        'so the bigger server picked up what the others could not hold.',
    );
  const b = busiest(run);
  if (b && b.spread >= 0.1)
    out.push(
      `${b.top.name} was ${pct(b.top.utilization)} busy while ${b.bottom.name} was only ` +
        `${pct(b.bottom.utilization)} busy: the pool was badly balanced for its sizes.`,
    );
  const p99 = run.summary.latencyMs.p99;
  const max = maxServiceMs(run.setup.service);
  if (p99 !== null && max !== null && p99 > max)
    out.push(
      `p99 latency was ${ms(p99)}, although no request needs more than ${ms(max)} of work: ` +
        'the rest was waiting in a queue.',
    );
  else if (p99 !== null) out.push(`p99 latency was ${ms(p99)}.`);
  return out;
}

function explainWeighted(runs: LessonRuns): string[] {
  const a = runs.rr!;
  const b = runs.wrr!;
  const spreadA = busiest(a)?.spread ?? 0;
  const spreadB = busiest(b)?.spread ?? 0;
  const big = (r: RunRecord) => r.summary.servers.find((s) => s.name === 'Big');
  const out = [...runNotes(b, 'weighted-round-robin'), `With weights 4, 1, 1: ${loadPhrase(b)}.`];
  const bigA = big(a);
  const bigB = big(b);
  if (bigA && bigB)
    out.push(`Big's share of the work ${moved(bigA.served, bigB.served, count)} requests.`);
  out.push(
    `The gap between the busiest and the least busy server ${moved(spreadA, spreadB, points)}, ` +
      `and p99 latency ${moved(a.summary.latencyMs.p99, b.summary.latencyMs.p99, ms)}.`,
  );
  if (spreadB < spreadA && ranAs(b, 'weighted-round-robin'))
    out.push('Weights tell the balancer how big each server is; plain round robin cannot know.');
  return out;
}

/** Round robin on a pool of one big and two small servers, then weighted round robin. */
export const unequalLesson: Lesson = {
  id: 'unequal-servers',
  title: 'Round robin with unequal servers',
  summary: 'One big server, two small ones, and a strategy that treats them all alike.',
  scenarios: {
    rr: { ...base, name: 'Lesson: Round robin with unequal servers', strategy: 'round-robin' },
    wrr: {
      ...base,
      name: 'Lesson: Weighted round robin with unequal servers',
      strategy: 'weighted-round-robin',
    },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'rr',
      text: [
        'Big can work on 8 requests at once; Small-1 and Small-2 on 2 each. Each has a queue of 10.',
        'About 20 requests a second arrive for 30 seconds, each needing 200–600 ms of work. The ' +
          'strategy is round robin, and there is no cache.',
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question: 'Which server will be the busiest, as a share of its own capacity?',
      choices: [
        { id: 'big', label: 'Big' },
        { id: 'small', label: 'Small-1 and Small-2' },
        { id: 'even', label: 'All about equally busy (within 10 points)' },
      ],
      outcome: (runs) => {
        const b = runs.rr && busiest(runs.rr);
        if (!b) return null;
        if (b.spread < 0.1) return 'even';
        return b.top.name === 'Big' ? 'big' : 'small';
      },
    },
    {
      kind: 'run',
      title: 'Run it',
      scenario: 'rr',
      speed: 10,
      text: ['Run 30 simulated seconds at 10× speed. Watch the load bars of the three servers.'],
    },
    {
      kind: 'explain',
      title: 'What happened',
      verdict: true,
      needs: ['rr'],
      explain: (runs) => explainRoundRobin(runs.rr!),
    },
    {
      kind: 'try',
      title: 'Try this',
      scenario: 'wrr',
      speed: 10,
      text: [
        'Switch to weighted round robin. Big has weight 4 and the small servers 1, so Big gets four ' +
          'requests for every one a small server gets. Same traffic, same seed.',
      ],
    },
    { kind: 'explain', title: 'Weights compared', needs: ['rr', 'wrr'], explain: explainWeighted },
  ],
};
