import { formatRate } from '../../../lib/format.ts';
import { meanServiceMs, outage, steadyRate, totalCapacity } from './scenarioFacts.ts';
import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import {
  count,
  moved,
  ms,
  pct,
  plural,
  rejectedShare,
  rejectionPhrase,
  runNotes,
  was,
} from './words.ts';

const SERVERS = [
  { name: 'Server-A', capacity: 3, queueLimit: 10 },
  { name: 'Server-B', capacity: 2, queueLimit: 10 },
  { name: 'Server-C', capacity: 4, queueLimit: 10 },
];

const base = {
  version: 1 as const,
  seed: 42,
  strategy: 'least-connections' as const,
  service: { distribution: 'uniform' as const, minMs: 200, maxMs: 600 },
  // No cache: cache hits would hide the lost capacity.
  cache: { placement: 'off' as const, capacity: 128, hitMs: 1 },
  traffic: [{ from: 0, to: 60_000, ratePerSec: 15 }],
  // The run stops here, so averages over the run (utilization) have the same time base in
  // the page as in a headless run; every request has finished well before.
  durationMs: 65_000,
  events: [
    { at: 20_000, action: 'kill' as const, server: 'Server-C' },
    { at: 40_000, action: 'revive' as const, server: 'Server-C' },
  ],
};

function explainFailure(run: RunRecord): string[] {
  const { requests, latencyMs, servers, simulatedMs } = run.summary;
  const out = runNotes(run, 'least-connections');
  const down = outage(run.setup, 'Server-C');
  const c = servers.find((s) => s.name === 'Server-C');
  if (down && c && requests.served > 0) {
    const upShare = (simulatedMs - ((down.to ?? simulatedMs) - down.from)) / simulatedMs;
    out.push(
      `Server-C was up for ${pct(upShare)} of the run and served ${count(c.served)} of the ` +
        `${plural(requests.served, 'request')} served (${pct(c.served / requests.served)}).`,
    );
  }
  const rate = steadyRate(run.setup);
  if (rate !== null) {
    const others = run.setup.servers.map((s) => s.name).filter((n) => n !== 'Server-C');
    const busy = (rate * meanServiceMs(run.setup.service)) / 1000;
    out.push(
      `${formatRate(rate)} with ${ms(meanServiceMs(run.setup.service))} of work on average keeps ` +
        `about ${busy.toFixed(1)} requests in service. Without Server-C the pool has ` +
        `${plural(totalCapacity(run.setup, others), 'slot')}.`,
    );
  }
  out.push(
    requests.rejected > 0
      ? rejectionPhrase(run)
      : 'No request was rejected: the remaining servers and their queues absorbed the load.',
  );
  out.push(`p99 latency over the whole run was ${ms(latencyMs.p99 ?? 0)}.`);
  return out;
}

function explainSpare(runs: LessonRuns): string[] {
  const a = runs.fail!;
  const b = runs.spare!;
  const before = a.summary.requests.rejected;
  const after = b.summary.requests.rejected;
  const out = [
    `With a spare Server-D, ${plural(after, 'request')} ${was(after)} rejected ` +
      `(without it: ${count(before)}), and p99 latency ` +
      `${moved(a.summary.latencyMs.p99, b.summary.latencyMs.p99, ms)}.`,
  ];
  if (after === 0 && before > 0)
    out.push('Planning for one server more than the load needs (N+1) kept the failure invisible.');
  else if (after < before)
    out.push(
      'The spare made the failure smaller, but the pool still ran short while Server-C was down.',
    );
  return out;
}

/** A server dies at 20 s and comes back at 40 s under steady traffic. */
export const failureLesson: Lesson = {
  id: 'server-failure',
  title: 'A server failure and recovery',
  summary: 'Server-C goes down for 20 seconds. Who notices?',
  scenarios: {
    fail: { ...base, name: 'Lesson: A server failure and recovery', servers: SERVERS },
    spare: {
      ...base,
      name: 'Lesson: A server failure with a spare',
      servers: [...SERVERS, { name: 'Server-D', capacity: 2, queueLimit: 10 }],
    },
  },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'fail',
      text: [
        'Server-A, B and C (capacity 3, 2 and 4, queues of 10) behind least connections, with a ' +
          'steady 15 requests a second for a minute.',
        'At 20 s Server-C goes down; at 40 s it comes back. The failure is scheduled in the ' +
          "scenario's events.",
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question: 'What happens to the requests while Server-C is down?',
      choices: [
        { id: 'none', label: 'Nothing visible: Server-A and Server-B absorb the load' },
        { id: 'some', label: 'Queues fill up and some requests are rejected' },
        { id: 'most', label: 'Most requests fail until Server-C returns' },
      ],
      outcome: (runs) => {
        if (!runs.fail) return null;
        const share = rejectedShare(runs.fail);
        return share === 0 ? 'none' : share < 0.5 ? 'some' : 'most';
      },
    },
    {
      kind: 'run',
      title: 'Run it',
      scenario: 'fail',
      speed: 10,
      text: ['Run the minute at 10× speed. Watch the flow when Server-C goes down and comes back.'],
    },
    {
      kind: 'explain',
      title: 'What happened',
      verdict: true,
      needs: ['fail'],
      explain: (runs) => explainFailure(runs.fail!),
    },
    {
      kind: 'try',
      title: 'Try this',
      scenario: 'spare',
      speed: 10,
      text: ['Add a spare, Server-D (capacity 2, queue 10), and run the same failure again.'],
    },
    { kind: 'explain', title: 'With a spare', needs: ['fail', 'spare'], explain: explainSpare },
  ],
};
