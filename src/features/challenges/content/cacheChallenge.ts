import {
  cachePlacement,
  hitRateAtLeast,
  maxCacheEntries,
  maxCapacity,
  maxServers,
  normalSpeed,
  unservedAtMost,
} from './rules.ts';
import type { Challenge } from './types.ts';
import { DEMO_SERVICE, namedServers } from './workloads.ts';

const PER_SERVER = { placement: 'per-server' as const, capacity: 128, hitMs: 1 };

/** Per-server caches only pay off when the same key keeps going to the same server. */
export const cacheChallenge: Challenge = {
  id: 'cache-hit-rate',
  title: 'Cache hit rate over 80% with per-server caches',
  brief: [
    'Each server keeps its own cache of up to 128 entries. Requests ask for 500 keys, some far ' +
      'more often than others, at 100 a second.',
    'Get the overall cache hit rate to 80% or more, leaving no more than 1% of requests unserved, with ' +
      'at most four servers of capacity 8.',
  ],
  workload: {
    seed: 42,
    service: DEMO_SERVICE,
    keys: { count: 500, zipf: 0.9 },
    cache: { hitMs: 1 },
    traffic: [{ from: 0, to: 30_000, ratePerSec: 100 }],
    description: [
      '100 requests/s for 30 s',
      '500 keys, Zipf popularity (s = 0.9)',
      'A miss: 200–600 ms of work; a hit: 1 ms',
    ],
  },
  constraints: [
    cachePlacement('per-server'),
    maxCacheEntries(128),
    maxServers(4),
    maxCapacity(8),
    normalSpeed(),
  ],
  goals: [hitRateAtLeast(0.8), unservedAtMost(0.01)],
  hint:
    'With round robin every server sees every key, so four caches hold the same 128 popular keys. ' +
    'Which strategy sends a key to the same server every time?',
  start: {
    strategy: 'round-robin',
    servers: namedServers(4, { capacity: 8, queueLimit: 10 }),
    cache: PER_SERVER,
  },
  solution: {
    strategy: 'consistent-hash',
    strategyOptions: { virtualNodes: 100 },
    servers: namedServers(4, { capacity: 8, queueLimit: 10 }),
    cache: PER_SERVER,
  },
  solutionNote:
    'Consistent hashing gives each key a home server, so the four caches hold different keys: ' +
    'together they remember up to 512 keys instead of the same 128 four times.',
};
