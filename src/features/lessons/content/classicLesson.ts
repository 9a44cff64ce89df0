import { formatSimTime } from '../../../lib/format.ts';
import { noQueues, singleBurst, totalCapacity } from './scenarioFacts.ts';
import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import { count, moved, ms, plural, rejectionPhrase, runNotes, servedPhrase } from './words.ts';

const DEMO_SERVERS = [
  { name: 'Server-A', capacity: 3 },
  { name: 'Server-B', capacity: 2 },
  { name: 'Server-C', capacity: 4 },
];

const base = {
  version: 1 as const,
  seed: 42,
  strategy: 'round-robin' as const,
  service: { distribution: 'uniform' as const, minMs: 200, maxMs: 600 },
  cache: { placement: 'shared' as const, capacity: 128, hitMs: 1 },
  traffic: [{ at: 0, burst: 10 }],
};

/** What happened to the ten requests, in the run's own numbers. */
function explainDemo(run: RunRecord): string[] {
  const { requests, latencyMs } = run.summary;
  const burst = singleBurst(run.setup);
  const out = [
    ...runNotes(run, 'round-robin'),
    burst
      ? `All ${plural(burst.count, 'request')} arrived at the same instant, ${burst.at === 0 ? 'as the run began' : `at t = ${formatSimTime(burst.at)}`}.`
      : `The run had ${plural(requests.total, 'request')}.`,
    `${servedPhrase(run)}: ${count(requests.served)} served in all.`,
  ];
  const slots = totalCapacity(run.setup);
  out.push(rejectionPhrase(run));
  if (noQueues(run.setup))
    out.push(
      `The pool has ${plural(slots, 'slot')} and no queue, so a request either found a free slot ` +
        `at once or was turned away; nobody waited. The slowest request took ${ms(latencyMs.max ?? 0)}.`,
    );
  return out;
}

/** Queues of 2 against none: served, rejected and waiting compared. */
function explainQueues(runs: LessonRuns): string[] {
  const a = runs.demo!.summary;
  const b = runs.queued!.summary;
  const out = [
    `With a queue of 2 on every server, ${count(b.requests.served)} of ${count(b.requests.total)} ` +
      `requests were served and ${count(b.requests.rejected)} rejected ` +
      `(without queues: ${count(a.requests.served)} served, ${count(a.requests.rejected)} rejected).`,
    `The slowest request ${moved(a.latencyMs.max, b.latencyMs.max, ms)}.`,
  ];
  if (b.requests.rejected < a.requests.rejected && (b.latencyMs.max ?? 0) > (a.latencyMs.max ?? 0))
    out.push(
      'The requests that found every slot busy waited for one instead of being turned away: a ' +
        'queue trades rejections for waiting time.',
    );
  return out;
}

/** The playground's starting point: the original demo's ten simultaneous requests. */
export const classicLesson: Lesson = {
  id: 'ten-requests',
  title: "The demo's original ten requests",
  summary: 'Ten requests at once, nine slots: what does round robin do with the tenth?',
  scenarios: {
    demo: { ...base, name: 'Lesson: The original ten requests', servers: DEMO_SERVERS },
    queued: {
      ...base,
      name: 'Lesson: Ten requests with queues',
      servers: DEMO_SERVERS.map((s) => ({ ...s, queueLimit: 2 })),
    },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'demo',
      text: [
        'This is the demo the playground grew from. Server-A, Server-B and Server-C can work on ' +
          '3, 2 and 4 requests at once, and none of them has a queue: a full server cannot take ' +
          'another request.',
        'Ten requests arrive at the same instant. Round robin deals them out in turn, skipping ' +
          'any server that is full.',
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question: 'How many of the ten requests will be turned away?',
      choices: [
        { id: 'none', label: 'None: the balancer finds room for all ten' },
        { id: 'one', label: 'Exactly one' },
        { id: 'several', label: 'More than one' },
      ],
      outcome: (runs) => {
        const rejected = runs.demo?.summary.requests.rejected;
        if (rejected === undefined) return null;
        return rejected === 0 ? 'none' : rejected === 1 ? 'one' : 'several';
      },
    },
    {
      kind: 'run',
      title: 'Run it',
      scenario: 'demo',
      speed: 0.5,
      text: ['Run it at half speed and watch where each request goes in the request flow.'],
    },
    {
      kind: 'explain',
      title: 'What happened',
      verdict: true,
      needs: ['demo'],
      explain: (runs) => explainDemo(runs.demo!),
    },
    {
      kind: 'try',
      title: 'Try this',
      scenario: 'queued',
      speed: 0.5,
      text: ['Give every server a queue of 2 and send the same ten requests again.'],
    },
    {
      kind: 'explain',
      title: 'Queues compared',
      needs: ['demo', 'queued'],
      explain: explainQueues,
    },
  ],
};
