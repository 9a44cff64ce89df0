import { maxCapacity, maxServers, normalSpeed, p99AtMost, unservedAtMost } from './rules.ts';
import type { Challenge } from './types.ts';
import { DEMO_KEYS, DEMO_SERVICE, NO_CACHE, namedServers } from './workloads.ts';

/** Queues turn a burst that no pool could serve at once into a wait. */
export const burstChallenge: Challenge = {
  id: 'burst-2000',
  title: 'Survive a burst of 2,000',
  brief: [
    'A marketing e-mail goes out: 2,000 requests arrive in the same instant, one second into a ' +
      'quiet period of 10 requests a second.',
    'With at most five servers of capacity 20, reject or fail no more than 5% of all requests and keep ' +
      'p99 latency within 10 seconds.',
  ],
  workload: {
    seed: 42,
    service: DEMO_SERVICE,
    keys: DEMO_KEYS,
    cache: NO_CACHE,
    traffic: [
      { at: 1000, burst: 2000 },
      { from: 0, to: 20_000, ratePerSec: 10 },
    ],
    description: [
      '2,000 requests at once at t = 1 s',
      '10 requests/s for 20 s',
      'Each request: 200–600 ms of work; no cache',
    ],
  },
  constraints: [maxServers(5), maxCapacity(20), normalSpeed()],
  goals: [unservedAtMost(0.05), p99AtMost(10_000)],
  hint:
    'Five servers of 20 slots hold only 100 requests at once. The others need somewhere to wait: ' +
    'look at each server’s queue limit.',
  start: {
    strategy: 'round-robin',
    servers: namedServers(5, { capacity: 20, queueLimit: 0 }),
    cache: NO_CACHE,
  },
  solution: {
    strategy: 'least-connections',
    servers: namedServers(5, { capacity: 20, queueLimit: 400 }),
    cache: NO_CACHE,
  },
  solutionNote:
    'Queues of 400 per server hold the whole burst (5 × 420 places), and 100 slots work through ' +
    'it in about 8 seconds, inside the 10-second target.',
};
