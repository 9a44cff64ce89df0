import heavyTail from './presets/heavy-tail.json';
import heavyTailHedged from './presets/heavy-tail-hedged.json';
import slowServer from './presets/slow-server.json';
import slowServerLimit from './presets/slow-server-limit.json';
import spikeClosedLoop from './presets/spike-closed-loop.json';
import spikeOpenLoop from './presets/spike-open-loop.json';
import stormCodelLifo from './presets/storm-codel-lifo.json';
import stormFifo from './presets/storm-fifo.json';
import type { Preset } from './presets.ts';

/**
 * Overload control's story presets (issue 15), in pairs that differ in one thing; a test
 * (overloadStories.test.ts) checks that each pair tells its story.
 */
export const OVERLOAD_PRESETS: readonly Preset[] = [
  {
    id: 'spike-open-loop',
    title: spikeOpenLoop.name,
    description:
      'Requests keep arriving at 54 a second whatever happens, on servers that slow down by 5% per request in service: a 6-second spike fills them, full servers are slower, timeouts and one retry each add more, and goodput stays at zero long after the spike is over (a metastable failure).',
    raw: spikeOpenLoop,
  },
  {
    id: 'spike-closed-loop',
    title: spikeClosedLoop.name,
    description:
      'The same servers, spike and retry, but the load comes from 68 clients who wait for each answer and think for a second before sending the next: when the servers slow down, so do the clients, and goodput comes back within seconds of the spike.',
    raw: spikeClosedLoop,
  },
  {
    id: 'storm-fifo',
    title: stormFifo.name,
    description:
      'A 6-second spike fills first-in-first-out queues with requests whose clients have already given up; servers spend their time on those and every new request times out too.',
    raw: stormFifo,
  },
  {
    id: 'storm-codel-lifo',
    title: stormCodelLifo.name,
    description:
      'The same storm with CoDel (shed what has waited above 5 ms for 100 ms, faster and faster) and adaptive LIFO (serve the newest first while congested): servers answer requests whose clients still wait, and goodput recovers.',
    raw: stormCodelLifo,
  },
  {
    id: 'slow-server',
    title: slowServer.name,
    description:
      'Server-C turns twice as slow at 15 s while round robin still gives it a third of the traffic: its queue grows, its requests time out, and their retries drag the other two down.',
    raw: slowServer,
  },
  {
    id: 'slow-server-limit',
    title: slowServerLimit.name,
    description:
      "The same slow server behind an AIMD limit per server, as Netflix's concurrency-limits suggests for clients: timeouts halve Server-C's limit, requests over it are refused at once and retried on the fast servers, and goodput holds.",
    raw: slowServerLimit,
  },
  {
    id: 'heavy-tail',
    title: heavyTail.name,
    description:
      'Service times with a heavy tail (lognormal, median 20 ms): at low load nearly every request is fast, but one in a hundred takes over half a second.',
    raw: heavyTail,
  },
  {
    id: 'heavy-tail-hedged',
    title: heavyTailHedged.name,
    description:
      'The same traffic, hedged at the 95th percentile as in "The Tail at Scale": a request unanswered after 230 ms gets a second copy on another server, and p99 falls by more than half for about 5% more requests.',
    raw: heavyTailHedged,
  },
];
