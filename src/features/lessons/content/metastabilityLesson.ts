import type { RawScenario } from '../../../engine/scenario/schema.ts';
import { PRESETS } from '../../../engine/scenario/presets.ts';
import { formatRate } from '../../../lib/format.ts';
import type { Lesson, LessonRuns, RunRecord } from './types.ts';
import { count, pct, plural, runNotes } from './words.ts';

/** The lesson runs the overload presets as they are (the story tests check them). */
function preset(id: string, name: string): RawScenario {
  const raw = PRESETS.find((p) => p.id === id)!.raw as RawScenario;
  return { ...raw, name };
}

const open = preset('spike-open-loop', 'Lesson: Metastable failure, open loop');
const closed = preset('spike-closed-loop', 'Lesson: Metastable failure, closed loop');
const shed: RawScenario = {
  ...open,
  name: 'Lesson: Metastable failure, with CoDel and adaptive LIFO',
  shedding: { codel: true, adaptiveLifo: true },
};

/** The open loop's steady arrival rate (54/s), read from the setup the run used. */
function offered(run: RunRecord): number | null {
  const t = run.setup.traffic[0];
  return t?.kind === 'poisson' ? t.ratePerSec : null;
}

/** Goodput over the run as a share of what arrived per second. */
function goodShare(run: RunRecord): number | null {
  const s = run.summary;
  const seconds = s.simulatedMs / 1000;
  return s.goodput === undefined || s.requests.total === 0
    ? null
    : (s.goodput * seconds) / s.requests.total;
}

function describeRun(run: RunRecord, what: string): string[] {
  const s = run.summary;
  const out = runNotes(run, 'least-connections');
  out.push(
    `${what}: ${count(s.requests.total)} requests in ${Math.round(s.simulatedMs / 1000)} s, ` +
      `${count(s.requests.served)} served, ${count(s.requests.timedOut)} timed out. Goodput (served ` +
      `within the 1 s deadline) was ${formatRate(s.goodput ?? 0)} over the run, ` +
      `${pct(goodShare(run) ?? 0)} of the requests.`,
  );
  out.push(
    `Each request cost ${s.retries.amplification.toFixed(2)} attempts, and ` +
      `${(s.retries.wastedMs / 1000).toFixed(0)} s of server time went to answers nobody waited for.`,
  );
  return out;
}

function explainOpen(runs: LessonRuns): string[] {
  const run = runs.open!;
  const out = describeRun(run, 'Open loop');
  const rate = offered(run);
  out.push(
    `The spike lasted 6 s, yet after it the servers stayed busy and nearly nothing was served in ` +
      `time. Requests kept arriving at ${rate === null ? 'the same rate' : formatRate(rate)} ` +
      'whatever happened: during the spike queues grew, so waits passed the 1 s timeout, and ' +
      'every timeout sent a retry, more work on top of the new requests. Full servers are also ' +
      'slower (5% per request in service), so they could not catch up even once the spike was over.',
    'This is a metastable failure (Bronson et al., "Metastable Failures in Distributed ' +
      'Systems", HotOS 2021): a trigger pushes the system into a bad state, and a sustaining ' +
      'effect (here retries and contention) keeps it there after the trigger is gone.',
  );
  return out;
}

function explainClosed(runs: LessonRuns): string[] {
  const a = runs.open!;
  const b = runs.closed!;
  const out = describeRun(b, 'Closed loop');
  out.push(
    `Same servers, same spike, same timeout and retry, but the load came from clients that wait ` +
      `for each answer and think before the next: goodput ${formatRate(b.summary.goodput ?? 0)} ` +
      `against ${formatRate(a.summary.goodput ?? 0)} in the open loop.`,
    'When the servers slowed down the clients did too: no client can have more than one request ' +
      'in flight, so the queues could never grow beyond the population, and once the spike ended ' +
      'they drained. A closed loop regulates itself; an open loop (users, cron jobs, upstream ' +
      'services that do not wait) does not.',
  );
  return out;
}

function explainShed(runs: LessonRuns): string[] {
  const a = runs.open!;
  const c = runs.shed!;
  const out = describeRun(c, 'Open loop with CoDel and adaptive LIFO');
  const shedCount = c.summary.requests.rejectedByReason.shed ?? 0;
  out.push(
    `The servers shed ${plural(shedCount, 'request')} from their queues and goodput came back: ` +
      `${formatRate(c.summary.goodput ?? 0)} against ${formatRate(a.summary.goodput ?? 0)} without.`,
    'CoDel drops from a queue whose delay stayed above target for a whole interval, and adaptive ' +
      'LIFO serves the newest request first while the queue is congested: the servers stop working ' +
      'on requests whose clients have given up, which breaks the sustaining effect. The open loop ' +
      'still sends as much as before; the servers just spend their time on answers that count.',
  );
  return out;
}

/** The same spike hits an open and a closed loop; one recovers. */
export const metastabilityLesson: Lesson = {
  id: 'metastability',
  title: 'Metastable failure',
  summary: 'A 6-second spike, and an outage that does not end when it does.',
  scenarios: { open, closed, shed },
  steps: [
    {
      kind: 'setup',
      title: 'The setup',
      scenario: 'open',
      text: [
        'Four servers (4 requests at a time, about 200 ms each, a little slower for each request ' +
          'in service) behind least connections, and 54 requests a second arriving whatever ' +
          'happens: an open loop.',
        'Clients give up after 1 s and retry once; an answer after 1 s is useless (the deadline). ' +
          'At 20 s every server turns three times slower for 6 seconds.',
      ],
    },
    {
      kind: 'predict',
      title: 'Predict',
      question: 'The spike lasts 6 seconds. What happens to goodput after it ends?',
      choices: [
        { id: 'recovers', label: 'It is back to normal within seconds' },
        { id: 'slow', label: 'It recovers, but slowly, over tens of seconds' },
        { id: 'stuck', label: 'It stays near zero until the end of the run' },
      ],
      outcome: (runs) => {
        const share = runs.open ? goodShare(runs.open) : null;
        if (share === null) return null;
        // 20 good seconds of 90 is about 22%: a share near that means nothing recovered.
        return share < 0.35 ? 'stuck' : share < 0.8 ? 'slow' : 'recovers';
      },
    },
    {
      kind: 'run',
      title: 'Run it',
      scenario: 'open',
      speed: 10,
      text: [
        'Run the 90 s at 10× speed. Watch goodput next to throughput in the timeline, and the ' +
          'outcomes chart after 26 s, when the servers are fast again.',
      ],
    },
    {
      kind: 'explain',
      title: 'What happened',
      verdict: true,
      needs: ['open'],
      explain: explainOpen,
    },
    {
      kind: 'try',
      title: 'A closed loop',
      scenario: 'closed',
      speed: 10,
      text: [
        'Now 68 clients that each send a request, wait for its outcome and think for a second ' +
          'before the next: the same load before the spike.',
      ],
    },
    {
      kind: 'explain',
      title: 'Why it recovered',
      needs: ['open', 'closed'],
      explain: explainClosed,
    },
    {
      kind: 'try',
      title: 'Shed at the servers',
      scenario: 'shed',
      speed: 10,
      text: [
        'Back to the open loop, with CoDel and adaptive LIFO on every server (Servers panel, load ' +
          'shedding).',
      ],
    },
    { kind: 'explain', title: 'Breaking the loop', needs: ['open', 'shed'], explain: explainShed },
  ],
};
