import classic from './presets/classic.json';
import coldStarts from './presets/cold-starts.json';
import crashHealthChecks from './presets/crash-health-checks.json';
import crashNoHealthChecks from './presets/crash-no-health-checks.json';
import retryBudget from './presets/retry-budget.json';
import retryStorm from './presets/retry-storm.json';
import sinkhole from './presets/sinkhole.json';
import sinkholeOutlierEjection from './presets/sinkhole-outlier-ejection.json';
import flashCrowd from './presets/flash-crowd.json';
import flapping from './presets/flapping.json';
import hotKeys from './presets/hot-keys.json';
import largePool from './presets/large-pool.json';
import morningPeak from './presets/morning-peak.json';
import serverFailure from './presets/server-failure.json';
import steadyPoisson from './presets/steady-poisson.json';
import unequalServers from './presets/unequal-servers.json';
import { OVERLOAD_PRESETS } from './overloadPresets.ts';

/** A built-in scenario: its file (`raw`, to be run through `parseScenario`) and how it is introduced. */
export interface Preset {
  /** The file name under presets/, without `.json`; also the CLI's name for it. */
  readonly id: string;
  readonly title: string;
  /** One sentence for learners: what to look at. */
  readonly description: string;
  readonly raw: unknown;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The built-in scenarios, classic first. The files are frozen: copy one before changing it. */
export const PRESETS: readonly Preset[] = deepFreeze([
  {
    id: 'classic',
    title: classic.name,
    description:
      'The original demo: ten requests arrive at once and round robin deals them to three servers of capacity 3, 2 and 4.',
    raw: classic,
  },
  {
    id: 'steady-poisson',
    title: steadyPoisson.name,
    description:
      'Requests arrive at random at 18 per second, a little under what the three servers can serve, and least connections keeps their queues short.',
    raw: steadyPoisson,
  },
  {
    id: 'unequal-servers',
    title: unequalServers.name,
    description:
      'Round robin gives one big and two small servers the same share, so the small ones overflow while the big one idles; try weighted round robin.',
    raw: unequalServers,
  },
  {
    id: 'flash-crowd',
    title: flashCrowd.name,
    description:
      'Traffic climbs steadily for 20 seconds, then 150 requests land at once on servers with tiny queues, and you can watch how many are turned away.',
    raw: flashCrowd,
  },
  {
    id: 'hot-keys',
    title: hotKeys.name,
    description:
      'Consistent hashing sends each key to the same server, so every server caches its own keys, but the most popular keys pile onto one server.',
    raw: hotKeys,
  },
  {
    id: 'server-failure',
    title: serverFailure.name,
    description:
      'Server-C fails at 20 seconds and comes back at 40, and the two survivors must absorb its share of a steady stream.',
    raw: serverFailure,
  },
  {
    id: 'large-pool',
    title: largePool.name,
    description:
      'A hundred servers under 5,000 requests per second with least connections and per-server caches: how a big pool looks when it is busy.',
    raw: largePool,
  },
  {
    id: 'crash-no-health-checks',
    title: crashNoHealthChecks.name,
    description:
      'Server-C crashes at 20 seconds and the balancer never checks: it keeps sending it requests that fail at once, and least connections even prefers the idle-looking dead server until it is revived at 40.',
    raw: crashNoHealthChecks,
  },
  {
    id: 'crash-health-checks',
    title: crashHealthChecks.name,
    description:
      'The same crash with HAProxy-style health checks every 2 seconds: requests fail only until three checks in a row have failed, and Server-C comes back two passing checks after it revives.',
    raw: crashHealthChecks,
  },
  {
    id: 'sinkhole',
    title: sinkhole.name,
    description:
      'At 15 seconds Server-D starts failing 90% of requests in 5 ms, so it always looks idle and least connections sends it over half the traffic, which mostly fails.',
    raw: sinkhole,
  },
  {
    id: 'sinkhole-outlier-ejection',
    title: sinkholeOutlierEjection.name,
    description:
      'The same sinkhole with Envoy-style outlier ejection: five failures in a row eject Server-D for 30 seconds, then 60, and only a handful of requests fail.',
    raw: sinkholeOutlierEjection,
  },
  {
    id: 'retry-storm',
    title: retryStorm.name,
    description:
      'A 6-second latency spike makes clients time out after 1 second and retry up to three times without limit, and the retries keep the servers so busy with abandoned work that almost nothing is served for the rest of the run.',
    raw: retryStorm,
  },
  {
    id: 'retry-budget',
    title: retryBudget.name,
    description:
      'The same spike with a retry budget (retries in flight capped at 20% of active requests, as Envoy does): amplification stays low and the servers recover once the backlog of abandoned work is gone.',
    raw: retryBudget,
  },
  ...OVERLOAD_PRESETS,
  {
    id: 'morning-peak',
    title: morningPeak.name,
    description:
      'A day of traffic with a quiet night and a rush around 9:00; a Kubernetes-style autoscaler keeps utilization near 50%, so p99 stays under the 500 ms objective while the bill is about a third of a pool sized for the peak all day.',
    raw: morningPeak,
  },
  {
    id: 'cold-starts',
    title: coldStarts.name,
    description:
      'Traffic jumps fivefold for five minutes and new servers take 90 seconds to boot, so requests are turned away until they arrive; try a higher minServers or a lower target to buy that back.',
    raw: coldStarts,
  },
  {
    id: 'flapping',
    title: flapping.name,
    description:
      'Load surges every other minute with the scale-down stabilization window off, so servers are ordered, boot after the surge has passed and are drained again each minute; set the window back to 300 s to calm it.',
    raw: flapping,
  },
]);
