import { maxCapacity, normalSpeed } from './rules.ts';
import { coldStartAtLeast, dollarsAtMost, sloAttainmentAtLeast } from './scalingGoals.ts';
import type { Challenge } from './types.ts';
import { NO_CACHE, namedServers } from './workloads.ts';

const HOUR = 3_600_000;
const SERVER = { capacity: 2, queueLimit: 8 };

/** A day with a morning rush: meet the SLO all day without paying for the peak all day. */
export const dailyPeakChallenge: Challenge = {
  id: 'daily-peak-budget',
  title: '99% under 500 ms through the daily peak, for under $7',
  brief: [
    'A day of traffic: quiet at night (under one request a second), busier in the afternoon, and ' +
      'a morning rush that climbs to about 40 requests a second at 9:00. Each request needs ' +
      '100–300 ms of work; a server works on at most 2 at once and costs $0.10 an hour while it ' +
      'runs (booting and draining included). A new server takes 30 s to boot.',
    'Serve at least 99% of the day’s requests within 500 ms, and keep the day’s bill at or ' +
      'under $7.00.',
  ],
  workload: {
    seed: 42,
    service: { distribution: 'uniform', minMs: 100, maxMs: 300 },
    keys: { count: 1000, zipf: 1 },
    cache: NO_CACHE,
    traffic: [
      {
        from: 0,
        to: 24 * HOUR,
        troughRatePerSec: 0.5,
        peakRatePerSec: 7.5,
        periodMs: 24 * HOUR,
        phaseMs: 14 * HOUR,
      },
      { from: 6.5 * HOUR, to: 9 * HOUR, startRatePerSec: 0, endRatePerSec: 35 },
      { from: 9 * HOUR, to: 11 * HOUR, startRatePerSec: 35, endRatePerSec: 0 },
    ],
    durationMs: 24 * HOUR,
    cost: { pricePerServerHour: 0.1 },
    slo: { thresholdMs: 500, objective: 0.99 },
    description: [
      '24 h: a daily pattern of 0.5–7.5 requests/s (peak at 14:00)',
      'plus a morning rush rising to 35 more requests/s at 9:00',
      'Each request: 100–300 ms of work; no cache',
      '$0.10 per server-hour; a new server boots in 30 s',
    ],
  },
  constraints: [maxCapacity(SERVER.capacity), normalSpeed(), coldStartAtLeast(30_000)],
  goals: [sloAttainmentAtLeast(0.99), dollarsAtMost(7)],
  hint:
    'Eight servers cover the rush, but running eight all day costs $19.20. The rush lasts four ' +
    'hours: let an autoscaler add servers as utilization climbs and remove them after. Which ' +
    'utilization target still keeps requests from waiting in queues?',
  start: {
    strategy: 'least-connections',
    servers: namedServers(8, SERVER),
    cache: NO_CACHE,
  },
  solution: {
    strategy: 'least-connections',
    servers: namedServers(2, SERVER),
    cache: NO_CACHE,
    autoscaling: {
      policy: 'hpa',
      metric: 'utilization',
      target: 0.5,
      minServers: 2,
      maxServers: 20,
      template: { name: 'Server', ...SERVER },
      provisioningMs: 30_000,
    },
  },
  solutionNote:
    'A Kubernetes-style autoscaler aiming at 50% utilization runs two servers through the night ' +
    'and eight at the rush: about 62 server-hours instead of 192, and requests almost never ' +
    'wait. Aim at 90% instead and the bill drops a little more, but queues form at the peak and ' +
    'the objective is missed.',
};
