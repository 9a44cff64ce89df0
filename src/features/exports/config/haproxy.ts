/**
 * The setup as an HAProxy `backend` section: `balance roundrobin | leastconn | random(<draws>) |
 * uri` with `hash-type consistent | map-based`, and per server `weight`, `maxconn`, `maxqueue`
 * and `disabled`; the defences come from haproxyDefences.ts. The notes say where HAProxy and the
 * simulation part ways, above all in queueing.
 */
import { overloadNotes, overloadOf, haproxyOverloadLines } from './overloadNotes.ts';
import {
  header,
  mapStrategy,
  noEquivalent,
  prepare,
  snippet,
  type Prepared,
  type StrategyTable,
} from './common.ts';
import { haproxyDefences } from './haproxyDefences.ts';
import { commentText, safeIds } from './names.ts';
import type { ConfigSnippet, ExportSetup } from './types.ts';
import { integerWeights, listWeights } from './weights.ts';

/** HAProxy's largest server weight. */
const MAX_WEIGHT = 256;
/** HAProxy's consistent-hash tree gives each server this many points per unit of weight. */
const POINTS_PER_WEIGHT = 16;

interface Method {
  readonly balance: readonly string[];
  readonly method: string;
  readonly exact: boolean;
  readonly weights: readonly number[] | null;
  readonly notes: string[];
}

const COUNTS_CONNECTIONS =
  'HAProxy counts each server’s current connections; the simulation counts requests in service ' +
  'and waiting. They agree when every request has a connection of its own.';

const RING_DRAWS =
  'HAProxy’s random draws a point on its consistent-hash ring, so a server’s chance follows its ' +
  'share of the ring: nearly even, not exactly (the same higher weight on every server, e.g. ' +
  '100, evens it out).';

const plain = { weights: null };

/** How HAProxy does each strategy the simulation has (a new strategy does not compile until it is here). */
const HAPROXY_METHODS: StrategyTable<Method> = {
  'round-robin': () => ({
    ...plain,
    balance: ['balance roundrobin'],
    method: 'roundrobin',
    exact: true,
    notes: [],
  }),
  'weighted-round-robin': (p) => {
    const w = integerWeights(
      p.servers.map((s) => s.weight),
      MAX_WEIGHT,
    );
    const notes = [
      'HAProxy’s roundrobin is weighted and interleaves the servers, so the shares match, but ' +
        'its order of picks is its own, not the smooth sequence the simulation (and NGINX) deal.',
    ];
    if (!w.exact) {
      notes.push(
        `HAProxy weights are whole numbers from 1 to ${MAX_WEIGHT}: the weights ` +
          `${listWeights(p.servers.map((s) => s.weight))} are written as ${listWeights(w.values)}.`,
      );
    }
    return {
      balance: ['balance roundrobin'],
      method: 'roundrobin (weighted)',
      exact: false,
      weights: w.values,
      notes,
    };
  },
  'least-connections': () => ({
    ...plain,
    balance: ['balance leastconn'],
    method: 'leastconn',
    exact: false,
    notes: [
      'Ties: HAProxy takes equally loaded servers in turn; the simulation always takes the ' +
        'first one in the list.',
      COUNTS_CONNECTIONS,
    ],
  }),
  random: () => ({
    ...plain,
    balance: ['balance random(1)'],
    method: 'random(1)',
    exact: false,
    notes: [
      '`random` alone draws two servers (power of two choices); random(1) draws one.',
      RING_DRAWS,
    ],
  }),
  'power-of-two-choices': (p) => ({
    ...plain,
    balance: [`balance random(${p.choices})`],
    method: `random(${p.choices})`,
    exact: false,
    notes: [
      `random(${p.choices}) draws ${p.choices} servers and keeps the least loaded. HAProxy ` +
        'draws with replacement, so a draw can repeat a server; the simulation draws ' +
        `${p.choices} different ones.`,
      RING_DRAWS,
      COUNTS_CONNECTIONS,
    ],
  }),
  'consistent-hash': (p) => {
    // Equal weights near v/16 give each server about the simulation's v points on the ring.
    const weight = Math.min(
      MAX_WEIGHT,
      Math.max(1, Math.round(p.virtualNodes / POINTS_PER_WEIGHT)),
    );
    return {
      balance: ['balance uri whole', 'hash-type consistent'],
      method: 'uri + hash-type consistent',
      exact: false,
      weights: weight > 1 ? p.servers.map(() => weight) : null,
      notes: [
        `HAProxy’s ring gives each server ${POINTS_PER_WEIGHT} points per unit of weight, so ` +
          `every server has weight ${weight} (${weight * POINTS_PER_WEIGHT} points), close to the ` +
          `simulation’s ${p.virtualNodes} virtual nodes.`,
      ],
    };
  },
  'modulo-hash': () => ({
    ...plain,
    balance: ['balance uri whole', 'hash-type map-based'],
    method: 'uri + hash-type map-based',
    exact: false,
    notes: [
      'map-based hashing takes the hash modulo the servers that are up, so a server going ' +
        'down or coming back also moves most keys; in the simulation N counts every registered ' +
        'server and only adding or removing one reshuffles.',
    ],
  }),
  maglev: () => ({
    ...plain,
    balance: ['balance uri whole', 'hash-type consistent'],
    method: 'uri + hash-type consistent (closest)',
    exact: false,
    notes: [
      'HAProxy has no Maglev hashing. Its consistent hashing (a ring) is the closest: about ' +
        '1/N of the keys move when a server comes or goes, but the shares are less even.',
    ],
  }),
  'peak-ewma': () => ({
    ...plain,
    balance: ['balance leastconn'],
    method: 'leastconn (closest)',
    exact: false,
    notes: [
      'Peak EWMA has no HAProxy equivalent: no balance algorithm looks at latency. leastconn ' +
        'is the closest; Linkerd and Finagle implement peak EWMA.',
    ],
  }),
};

/** For a strategy this build does not know: HAProxy's default stands in. */
function standIn(p: Prepared): Method {
  return {
    ...plain,
    balance: ['balance roundrobin'],
    method: 'roundrobin (no equivalent)',
    exact: false,
    notes: [noEquivalent(p, 'HAProxy', 'roundrobin')],
  };
}

function queueNotes(p: Prepared): string[] {
  const { zero, unbounded, bounded } = p.queues;
  const notes = [
    'maxconn is each server’s capacity. When every server is at maxconn, HAProxy holds new ' +
      'requests in the backend’s queue, shared by all servers, and gives each to the first server ' +
      'that frees up, or answers 503 when `timeout queue` runs out. The simulation queues at ' +
      'one chosen server instead.',
  ];
  if (zero > 0) {
    notes.push(
      'Queue limit 0 (refuse at once) has no HAProxy equivalent: `maxqueue 0` means no limit. ' +
        'A very short `timeout queue` comes closest.',
    );
  }
  if (bounded > 0) {
    notes.push(
      'maxqueue caps the requests waiting for that one server (those it must serve, as with ' +
        'hashing); once full, HAProxy sends new ones to other servers rather than refusing them.',
    );
  }
  if (unbounded > 0) notes.push('An unbounded queue is HAProxy’s default: no maxqueue is written.');
  return notes;
}

/** The setup as an HAProxy backend section, with notes. */
export function haproxyConfig(setup: ExportSetup): ConfigSnippet {
  const p = prepare(setup);
  const m = mapStrategy(p, HAPROXY_METHODS, standIn);
  const ids = safeIds(
    p.servers.map((s) => s.name),
    'server',
  );
  const defences = haproxyDefences(setup.resilience);
  const lines = [...header(p, 'HAProxy'), `backend ${p.section}`];
  const overload = haproxyOverloadLines(overloadOf(setup));
  for (const line of [...defences.head, ...m.balance, ...defences.lines, ...overload])
    lines.push(`    ${line}`);
  const writeWeights = m.weights?.some((w) => w !== 1) ?? false;
  p.servers.forEach((s, i) => {
    if (ids[i] !== s.name) lines.push(`    # ${commentText(s.name)}`);
    const params = [
      `server ${ids[i]} ${p.hosts[i]}:${p.ports[i]}`,
      writeWeights ? `weight ${m.weights![i]}` : '',
      `maxconn ${s.capacity}`,
      s.queueLimit !== null && s.queueLimit > 0 ? `maxqueue ${s.queueLimit}` : '',
      s.up ? '' : 'disabled',
    ].filter(Boolean);
    lines.push(`    ${params.join(' ')}`);
  });
  const notes = queueNotes(p);
  if (p.servers.some((s) => !s.up)) {
    notes.push('Servers that are down start `disabled` (maintenance): HAProxy sends them nothing.');
  }
  return snippet(p, {
    format: 'haproxy',
    product: 'HAProxy',
    extension: 'haproxy.cfg',
    mimeType: 'text/plain',
    strategy: m,
    lines,
    notes,
    defenceNotes: [...defences.notes, ...overloadNotes(overloadOf(setup), 'haproxy')],
  });
}
