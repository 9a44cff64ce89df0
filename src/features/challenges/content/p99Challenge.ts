import { maxCapacity, maxServers, normalSpeed, p99AtMost, unservedAtMost } from './rules.ts';
import type { Challenge } from './types.ts';
import { DEMO_KEYS, DEMO_SERVICE, NO_CACHE, namedServers } from './workloads.ts';

/** Capacity planning with Little's law: 300 req/s × 0.4 s ≈ 120 requests in service. */
export const p99Challenge: Challenge = {
  id: 'p99-300rps',
  title: 'p99 under 800 ms at 300 requests/s',
  brief: [
    'Your service receives 300 requests a second. Each needs 200–600 ms of work, and a server ' +
      'can work on at most 25 requests at once.',
    'Keep p99 latency at or under 800 ms and reject or fail no more than 1% of requests, using at most ' +
      'six servers.',
  ],
  workload: {
    seed: 42,
    service: DEMO_SERVICE,
    keys: DEMO_KEYS,
    cache: NO_CACHE,
    traffic: [{ from: 0, to: 30_000, ratePerSec: 300 }],
    description: ['300 requests/s for 30 s', 'Each request: 200–600 ms of work', 'No cache'],
  },
  constraints: [maxServers(6), maxCapacity(25), normalSpeed()],
  goals: [p99AtMost(800), unservedAtMost(0.01)],
  hint:
    "Little's law: requests in service = arrival rate × time in service. 300/s × 0.4 s is about " +
    '120 requests at once on average. How many slots do you need to keep well clear of that?',
  start: {
    strategy: 'round-robin',
    servers: namedServers(4, { capacity: 25, queueLimit: 50 }),
    cache: NO_CACHE,
  },
  solution: {
    strategy: 'least-connections',
    servers: namedServers(6, { capacity: 25, queueLimit: 20 }),
    cache: NO_CACHE,
  },
  solutionNote:
    'Six servers of 25 slots give 150 slots for about 120 busy ones on average (80% utilization), ' +
    'so requests rarely wait; a short queue catches the moments when arrivals bunch up.',
};
