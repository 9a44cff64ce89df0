/**
 * Hidden cases for the exact algorithms (round robin, least connections, smooth weighted round
 * robin, lowest expected wait): pick-by-pick equality with the built-in strategy, or with the rule
 * written out, on seeded runs with churn, plus the edge cases interviews ask about.
 */
import type { PoolView } from '../../engine/poolView.ts';
import { createStrategy } from '../../engine/strategies/index.ts';
import type { StrategyName } from '../../engine/strategies/strategy.ts';
import type { FakeServer } from '../../engine/testing/fakePool.ts';
import type { SandboxHost } from '../sandboxHost.ts';
import { LATENCY_EWMA_WEIGHT } from '../sandboxStrategy.ts';
import { deterministic, oneServer, percent, run, sameAs, servers, shares } from './caseKinds.ts';
import type { DriveSetup, Driven, PoolEvent } from './drive.ts';
import type { CaseResult, CaseRun } from './gradeReport.ts';

const DEMO: FakeServer[] = [
  { name: 'Server-A', capacity: 3 },
  { name: 'Server-B', capacity: 2 },
  { name: 'Server-C', capacity: 4 },
  { name: 'Server-D', capacity: 2, queueLimit: 2 },
];

/** Server-B goes down and comes back; later Server-C leaves and Server-E joins. */
const CHURN: PoolEvent[] = [
  { at: 600, apply: (pool) => pool.setUp(1, false) },
  { at: 900, apply: (pool) => pool.setUp(1, true) },
  { at: 1400, apply: (pool) => pool.remove(2) },
  { at: 1700, apply: (pool) => pool.add({ name: 'Server-E', capacity: 3 }) },
];

const SEEDED: DriveSetup = { servers: DEMO, picks: 2500, seed: 42 };
const LEAVE_JOIN: DriveSetup = { servers: DEMO, picks: 2500, seed: 7, events: CHURN };

function builtIn(name: StrategyName): () => Driven {
  return () => createStrategy(name);
}

function exactCases(
  host: SandboxHost,
  code: string,
  label: string,
  reference: () => Driven,
  extra: readonly [string, DriveSetup][],
): CaseRun[] {
  return [
    () => sameAs(host, code, 'pick by pick on a seeded run', label, reference(), SEEDED),
    () => sameAs(host, code, 'a server leaving and one joining', label, reference(), LEAVE_JOIN),
    ...extra.map(
      ([name, setup]) =>
        () =>
          sameAs(host, code, name, label, reference(), setup),
    ),
    () => oneServer(host, code),
    () => deterministic(host, code, LEAVE_JOIN),
  ];
}

export function gradeRoundRobin(host: SandboxHost, code: string): CaseRun[] {
  return exactCases(host, code, 'the built-in round robin', builtIn('round-robin'), [
    ['equal idle servers take turns', { servers: servers('a b c d e'), picks: 40, seed: 1 }],
  ]);
}

export function gradeLeastConnections(host: SandboxHost, code: string): CaseRun[] {
  return exactCases(host, code, 'the built-in least connections', builtIn('least-connections'), [
    [
      'ties between idle servers go to the first',
      { servers: servers('a b c d'), picks: 30, seed: 1, dispatch: false },
    ],
  ]);
}

const weighted = (spec: [string, number][]): FakeServer[] =>
  spec.map(([name, weight]) => ({ name, weight, capacity: 1000 }));

export function gradeWeightedRoundRobin(host: SandboxHost, code: string): CaseRun[] {
  return exactCases(
    host,
    code,
    'the built-in smooth weighted round robin',
    builtIn('weighted-round-robin'),
    [
      [
        'weights 5, 1, 1 give a a b a c a a',
        {
          servers: weighted([
            ['a', 5],
            ['b', 1],
            ['c', 1],
          ]),
          picks: 70,
          seed: 1,
        },
      ],
      [
        'weights 3 and 2',
        {
          servers: weighted([
            ['x', 3],
            ['y', 2],
          ]),
          picks: 50,
          seed: 1,
        },
      ],
      [
        'equal weights take turns',
        {
          servers: weighted([
            ['p', 1],
            ['q', 1],
            ['r', 1],
          ]),
          picks: 30,
          seed: 1,
        },
      ],
    ],
  );
}

/** The lowest-expected-wait rule, written out over the pool, with the adapter's EWMA. */
class LowestExpectedWait implements Driven {
  private readonly ewma: number[] = [];
  private readonly replies: number[] = [];

  pick(pool: PoolView): number {
    let best = -1;
    let bestCost = Infinity;
    for (const slot of pool.members) {
      if (pool.healthy[slot] !== 1) continue;
      const cost = (this.ewma[slot] ?? 0) * (pool.active[slot]! + pool.queued[slot]! + 1);
      if (cost < bestCost) {
        best = slot;
        bestCost = cost;
      }
    }
    return best;
  }

  onComplete(slot: number, latencyMs: number): void {
    const before = this.ewma[slot] ?? 0;
    this.ewma[slot] = this.replies[slot]
      ? before + LATENCY_EWMA_WEIGHT * (latencyMs - before)
      : latencyMs;
    this.replies[slot] = (this.replies[slot] ?? 0) + 1;
  }
}

/** Server-C answers four times slower than the others and finishes requests four times less often. */
const SLOW_C: DriveSetup = {
  servers: [
    { name: 'Server-A', capacity: 8 },
    { name: 'Server-B', capacity: 8 },
    { name: 'Server-C', capacity: 8 },
    { name: 'Server-D', capacity: 8 },
  ],
  picks: 3000,
  seed: 11,
  latencyMs: (slot, draw) => (slot === 2 ? 4 : 1) * (150 + Math.floor(draw * 100)),
  finishRate: (slot) => (slot === 2 ? 0.25 : 1),
};

function slowServerShare(host: SandboxHost, code: string): CaseResult {
  const name = 'the slow server gets far less than its share';
  const expected = 'Server-C at most 12.5% of the picks (half its share of 25%)';
  const result = run(host, code, new LowestExpectedWait(), SLOW_C, name, expected);
  if (!('custom' in result)) return result;
  const share = shares(result)[2]!;
  return {
    name,
    passed: share <= 0.125,
    expected,
    actual: `Server-C got ${percent(share)} of the picks`,
  };
}

export function gradeLatencyAware(host: SandboxHost, code: string): CaseRun[] {
  const label = 'the rule latencyEwmaMs × (active + queued + 1)';
  const rule = () => new LowestExpectedWait();
  return [
    () => sameAs(host, code, 'pick by pick with one slow server', label, rule(), SLOW_C),
    () => slowServerShare(host, code),
    () => sameAs(host, code, 'a server leaving and one joining', label, rule(), LEAVE_JOIN),
    () => oneServer(host, code),
  ];
}
