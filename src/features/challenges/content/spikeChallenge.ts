import { maxCapacity, normalSpeed, p99AtMost, unservedAtMost } from './rules.ts';
import { coldStartAtLeast, dollarsAtMost, serversAtMost } from './scalingGoals.ts';
import type { Challenge } from './types.ts';
import { NO_CACHE, namedServers } from './workloads.ts';

const MIN = 60_000;
const SERVER = { capacity: 4, queueLimit: 8 };
const SCALING = {
  policy: 'hpa' as const,
  metric: 'utilization' as const,
  maxServers: 20,
  template: { name: 'Server', ...SERVER },
  provisioningMs: 90_000,
};

/** Traffic jumps fivefold faster than servers boot: buy the time back, within a budget. */
export const spikeChallenge: Challenge = {
  id: 'survive-5x-spike',
  title: 'Survive a 5× spike with at most 1% turned away',
  brief: [
    'Steady traffic of 20 requests a second jumps to 100 a second at 5:00 and stays there for ' +
      'five minutes. Each request needs 100–300 ms; a server works on 4 at once, queues 8 more, ' +
      'and costs $0.10 an hour. A new server takes 90 seconds to boot.',
    'Turn away or fail no more than 1% of the requests, keep p99 at or under 1 s, and spend at ' +
      'most $0.30 over the 20 minutes.',
  ],
  workload: {
    seed: 42,
    service: { distribution: 'uniform', minMs: 100, maxMs: 300 },
    keys: { count: 1000, zipf: 1 },
    cache: NO_CACHE,
    traffic: [
      { from: 0, to: 20 * MIN, ratePerSec: 20 },
      { from: 5 * MIN, to: 10 * MIN, multiplier: 5 },
    ],
    durationMs: 20 * MIN,
    cost: { pricePerServerHour: 0.1 },
    description: [
      '20 requests/s for 20 min, five times that from 5:00 to 10:00',
      'Each request: 100–300 ms of work; no cache',
      '$0.10 per server-hour; a new server boots in 90 s',
    ],
  },
  constraints: [
    maxCapacity(SERVER.capacity),
    normalSpeed(),
    coldStartAtLeast(90_000),
    serversAtMost(20),
  ],
  goals: [unservedAtMost(0.01), p99AtMost(1000), dollarsAtMost(0.3)],
  hint:
    'The autoscaler sees the spike within 15 s, but what it orders arrives 90 s later, and two ' +
    'servers cannot hold 100 requests a second meanwhile. Capacity that is already running is ' +
    'the only thing that helps in those 90 s: how much of it can you afford?',
  start: {
    strategy: 'least-connections',
    servers: namedServers(2, SERVER),
    cache: NO_CACHE,
    autoscaling: { ...SCALING, target: 0.6, minServers: 2 },
  },
  solution: {
    strategy: 'least-connections',
    servers: namedServers(6, SERVER),
    cache: NO_CACHE,
    autoscaling: { ...SCALING, target: 0.6, minServers: 6 },
  },
  solutionNote:
    'Six servers kept warm hold the spike on their own (24 slots for about 20 busy ones) until the ' +
    'autoscaler’s extra servers boot, and cost $0.25. A lower target buys the same headroom only ' +
    'at 0.2 (a fifth of the capacity busy), which costs $0.41: warm servers are the cheaper ' +
    'insurance here.',
};
