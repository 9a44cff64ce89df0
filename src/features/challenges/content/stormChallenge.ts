import { fixedCapacities, goodputAtLeast, normalSpeed, refusedAtMost } from './rules.ts';
import type { Challenge } from './types.ts';
import { DEMO_KEYS, NO_CACHE, namedServers } from './workloads.ts';

const SERVERS = ['Server-A', 'Server-B', 'Server-C', 'Server-D'];

/**
 * A retry storm after a short spike (the storm presets' workload): a metastable failure that
 * only overload defences at the servers or the balancer break.
 */
export const stormChallenge: Challenge = {
  id: 'goodput-storm',
  title: 'Keep goodput through a retry storm',
  brief: [
    'Four servers (4 requests at a time each, about 200 ms of work per request) take 56 requests a ' +
      'second. At 20 s every server slows down threefold for 6 seconds. Clients give up after 1 s ' +
      'and retry up to three times, and an answer after 1 s is useless to them.',
    'Without help the spike starts a retry storm that never ends. Keep goodput (answers within ' +
      '1 s) at or above 48 requests a second over the 90 s run, turning away (shed, limited or ' +
      'throttled) no more than 10% of requests. The servers, the traffic and the clients stay as ' +
      'they are: change how servers shed load and what the balancer admits.',
  ],
  workload: {
    seed: 42,
    service: { distribution: 'exponential', meanMs: 200 },
    keys: DEMO_KEYS,
    cache: NO_CACHE,
    traffic: [{ from: 0, to: 90_000, ratePerSec: 56 }],
    description: [
      '56 requests/s for 90 s; each about 200 ms of work (exponential)',
      'Every server 3× slower from 20 s to 26 s',
      'Clients: 1 s timeout, up to 3 naive retries, 1 s deadline',
    ],
    overload: {
      events: SERVERS.map((server) => ({
        at: 20_000,
        action: 'spike' as const,
        server,
        factor: 3,
        durationMs: 6000,
      })),
      durationMs: 90_000,
      client: {
        timeoutMs: 1000,
        deadlineMs: 1000,
        retry: {
          mode: 'naive',
          maxRetries: 3,
          budgetPercent: 20,
          minRetryConcurrency: 3,
          backoffMs: 25,
        },
      },
    },
  },
  constraints: [fixedCapacities([4, 4, 4, 4]), normalSpeed()],
  goals: [goodputAtLeast(48), refusedAtMost(0.1)],
  hint:
    'After the spike every queue is full of requests whose clients already gave up, so servers ' +
    'spend their time on answers nobody wants. What if a server dropped requests that have waited ' +
    'too long, or served the newest first? (Servers panel: load shedding.) Or what if the ' +
    'balancer learned how much each server can take? (Defences: concurrency limit.)',
  start: {
    strategy: 'least-connections',
    servers: namedServers(4, { capacity: 4, queueLimit: null }),
    cache: NO_CACHE,
  },
  solution: {
    strategy: 'least-connections',
    servers: namedServers(4, { capacity: 4, queueLimit: null }),
    cache: NO_CACHE,
    shedding: { codel: true, adaptiveLifo: true },
  },
  solutionNote:
    'CoDel sheds requests from a queue whose delay stayed above 5 ms for 100 ms, faster and ' +
    'faster, and adaptive LIFO serves the newest first while it is congested: the servers answer ' +
    'requests whose clients still wait, the retries stop, and goodput is back within seconds of ' +
    'the spike (about 52/s, with under 4% shed).',
};
