import {
  fixedCapacities,
  normalSpeed,
  p99AtMost,
  unservedAtMost,
  utilizationSpreadAtMost,
} from './rules.ts';
import type { Challenge } from './types.ts';
import { DEMO_KEYS, DEMO_SERVICE, NO_CACHE } from './workloads.ts';

const pool = (weights: readonly [number, number, number]) => [
  { name: 'Big', capacity: 8, weight: weights[0], queueLimit: 10 },
  { name: 'Small-1', capacity: 2, weight: weights[1], queueLimit: 10 },
  { name: 'Small-2', capacity: 2, weight: weights[2], queueLimit: 10 },
];

/** The hardware is given; only the strategy and its settings may change. */
export const spreadChallenge: Challenge = {
  id: 'even-utilization',
  title: 'Even out unequal servers',
  brief: [
    'You inherit one big server (capacity 8) and two small ones (capacity 2), and 20 requests a ' +
      'second. You cannot buy hardware.',
    'Balance them: the least busy server must be at most 15% less busy than the busiest (by ' +
      'average utilization), with p99 latency at or under 1 second and no more than 1% of ' +
      'requests rejected or failed.',
  ],
  workload: {
    seed: 42,
    service: DEMO_SERVICE,
    keys: DEMO_KEYS,
    cache: NO_CACHE,
    traffic: [{ from: 0, to: 30_000, ratePerSec: 20 }],
    description: ['20 requests/s for 30 s', 'Each request: 200–600 ms of work', 'No cache'],
  },
  constraints: [fixedCapacities([8, 2, 2]), normalSpeed()],
  goals: [utilizationSpreadAtMost(0.15), p99AtMost(1000), unservedAtMost(0.01)],
  hint:
    'Round robin and least connections count requests, not capacity. Which strategy can be told ' +
    'that Big is four times the size of a small server?',
  start: { strategy: 'round-robin', servers: pool([1, 1, 1]), cache: NO_CACHE },
  solution: { strategy: 'weighted-round-robin', servers: pool([4, 1, 1]), cache: NO_CACHE },
  solutionNote:
    'Weighted round robin with weights 4, 1, 1 sends Big four requests for every one a small ' +
    'server gets, matching their capacities 8, 2, 2: each ends up about equally busy.',
};
