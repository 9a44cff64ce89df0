/**
 * The setup as an NGINX `upstream` block (ngx_http_upstream_module). Round robin is NGINX's
 * default; `least_conn`, `random [two least_conn]` and `hash … [consistent]` cover the others
 * that have an equivalent, and the notes say where the simulation and NGINX part ways. With
 * defences, a site proxying to the upstream follows (nginxDefences.ts).
 */
import { overloadNotes, overloadOf } from './overloadNotes.ts';
import {
  header,
  mapStrategy,
  noEquivalent,
  prepare,
  snippet,
  type Prepared,
  type StrategyTable,
} from './common.ts';
import { commentText } from './names.ts';
import { nginxDefences } from './nginxDefences.ts';
import type { ConfigSnippet, ExportSetup } from './types.ts';
import { integerWeights, listWeights } from './weights.ts';

/** NGINX's ketama ring places this many points per unit of weight. */
const KETAMA_POINTS = 160;

interface Method {
  /** The balancing directive, or null for the default round robin. */
  readonly directive: string | null;
  readonly method: string;
  readonly exact: boolean;
  /** Weight per server, or null to leave `weight=` out. */
  readonly weights: readonly number[] | null;
  readonly notes: string[];
}

const COUNTS_CONNECTIONS =
  'NGINX counts the open connections to each server; the simulation counts requests in service ' +
  'and waiting. They agree when every request has a connection of its own.';

const none = { directive: null, weights: null };

/** How NGINX does each strategy the simulation has (a new strategy does not compile until it is here). */
const NGINX_METHODS: StrategyTable<Method> = {
  'round-robin': () => ({ ...none, method: 'round robin (default)', exact: true, notes: [] }),
  'weighted-round-robin': (p) => {
    const w = integerWeights(
      p.servers.map((s) => s.weight),
      Number.MAX_SAFE_INTEGER,
    );
    const notes = [
      'NGINX’s default weighted round robin is the smooth algorithm the simulation runs ' +
        '(ngx_http_upstream_get_peer), so the order of picks matches, not only the shares.',
    ];
    if (!w.exact) {
      notes.push(
        `NGINX weights are whole numbers: the weights ${listWeights(p.servers.map((s) => s.weight))} ` +
          `are written as ${listWeights(w.values)}, which is close but not the same ratio.`,
      );
    }
    return {
      directive: null,
      method: 'weighted round robin (default)',
      exact: w.exact,
      weights: w.values,
      notes,
    };
  },
  'least-connections': () => ({
    directive: 'least_conn',
    method: 'least_conn',
    exact: false,
    weights: null,
    notes: [
      'Ties: NGINX takes the tied servers in turn (weighted round robin); the simulation ' +
        'always takes the first one in the list.',
      COUNTS_CONNECTIONS,
    ],
  }),
  random: () => ({ ...none, directive: 'random', method: 'random', exact: true, notes: [] }),
  'power-of-two-choices': (p) => {
    if (p.choices === 1) {
      return {
        ...none,
        directive: 'random',
        method: 'random',
        exact: true,
        notes: ['With d = 1 power of choices is plain random, which is NGINX’s `random`.'],
      };
    }
    const notes = [COUNTS_CONNECTIONS];
    if (p.choices !== 2) {
      notes.unshift(
        `NGINX’s random method samples one or two servers, never ${p.choices}: there is no ` +
          `equivalent of d = ${p.choices}, and \`random two least_conn\` (d = 2) is written instead.`,
      );
    }
    return {
      ...none,
      directive: 'random two least_conn',
      method: 'random two least_conn',
      exact: p.choices === 2,
      notes,
    };
  },
  'consistent-hash': (p) => {
    // Ketama gives every unit of weight 160 points: equal weights near v/160 come closest to
    // the simulation's v points per server (and weight 1 is the least NGINX allows).
    const weight = Math.max(1, Math.round(p.virtualNodes / KETAMA_POINTS));
    return {
      directive: 'hash $request_uri consistent',
      method: 'hash … consistent (ketama)',
      exact: false,
      weights: weight > 1 ? p.servers.map(() => weight) : null,
      notes: [
        `NGINX’s ketama ring gives each server ${KETAMA_POINTS} points per unit of weight ` +
          `(${KETAMA_POINTS * weight} here); the simulation gives each ${p.virtualNodes}. More ` +
          'points spread keys a little more evenly.',
        'When a key’s server is down or full, NGINX walks on round the ring as the simulation ' +
          'does; after 20 unusable points it falls back to round robin.',
      ],
    };
  },
  'modulo-hash': () => ({
    ...none,
    directive: 'hash $request_uri',
    method: 'hash (without consistent)',
    exact: false,
    notes: [
      'Plain `hash` maps the key’s hash modulo the servers’ total weight (down servers ' +
        'included), like the simulation’s hash mod N, so adding or removing a server moves ' +
        'most keys in both.',
      'When the key’s server is down or full, NGINX hashes again to another server at random ' +
        '(up to 20 times, then round robin); the simulation tries the next server in the list.',
    ],
  }),
  maglev: () => ({
    ...none,
    directive: 'hash $request_uri consistent',
    method: 'hash … consistent (closest)',
    exact: false,
    notes: [
      'NGINX has no Maglev hashing. Its consistent (ketama ring) hash is the closest: keys ' +
        'stay put and about 1/N of them move when a server comes or goes, but the shares are ' +
        'less even than Maglev’s table gives.',
    ],
  }),
  'peak-ewma': () => ({
    ...none,
    directive: 'least_conn',
    method: 'least_conn (closest)',
    exact: false,
    notes: [
      'Peak EWMA has no NGINX equivalent: no open-source method looks at latency. `least_conn` ' +
        'is the closest; NGINX Plus’s `least_time` (or `random two least_time=header`) ' +
        'weighs average response time with connections, but is not peak EWMA, which Linkerd ' +
        'and Finagle implement.',
    ],
  }),
};

/** For a strategy this build does not know: NGINX's default stands in. */
function standIn(p: Prepared): Method {
  return {
    ...none,
    method: 'round robin (no equivalent)',
    exact: false,
    notes: [noEquivalent(p, 'NGINX', 'NGINX’s default round robin')],
  };
}

function limitNotes(p: Prepared): { notes: string[]; queueLine: string | null } {
  const { zero, unbounded, bounded } = p.queues;
  const notes = [
    'max_conns is each server’s capacity. The `zone` makes NGINX’s worker processes share the ' +
      'counts; without it every worker would allow max_conns of its own.',
  ];
  if (bounded + unbounded === 0) {
    notes.push(
      'No server queues (queue limit 0), and neither does open-source NGINX: a request that finds ' +
        'every server down or at max_conns fails at once (502 Bad Gateway).',
    );
    return { notes, queueLine: null };
  }
  const total = p.servers.reduce((sum, s) => sum + (s.queueLimit ?? 0), 0);
  notes.push(
    'Open-source NGINX cannot queue: a request that finds every server down or at max_conns ' +
      'fails at once (502). NGINX Plus has one queue for the whole upstream (`queue`), not one per ' +
      'server as in the simulation, and gives up on a waiting request after 60 s by default.' +
      (zero > 0 ? ' A server with queue limit 0 cannot opt out of it.' : ''),
  );
  if (unbounded > 0) {
    notes.push('NGINX Plus’s queue needs a size: an unbounded queue has no equivalent.');
    return { notes, queueLine: null };
  }
  return {
    notes,
    queueLine: `    # queue ${total};  # NGINX Plus only: the servers’ queue places in total`,
  };
}

/**
 * Shared memory for the upstream's `zone`, sized from the pool: measured with `nginx -t` (1.22),
 * a server's peer takes about 0.8 kB of it (the zone's own bookkeeping about 20 kB), and a fixed
 * 64k fails from about 60 servers ("ngx_slab_alloc() failed: no memory in upstream zone"). So:
 * 32 kB plus 1 kB a server, in whole 64 kB.
 */
export function nginxZoneSize(servers: number): string {
  return `${64 * Math.ceil((32 + servers) / 64)}k`;
}

/** The setup as an NGINX upstream block, with notes. */
export function nginxConfig(setup: ExportSetup): ConfigSnippet {
  const p = prepare(setup);
  const m = mapStrategy(p, NGINX_METHODS, standIn);
  const limits = limitNotes(p);
  const defences = nginxDefences(setup.resilience, p.section, m.directive, p.servers.length);
  const lines = [...header(p, 'NGINX'), `upstream ${p.section} {`];
  lines.push(`    zone ${p.section} ${nginxZoneSize(p.servers.length)};`);
  if (m.directive) lines.push(`    ${m.directive};`);
  else lines.push(`    # ${m.method}: no directive needed`);
  if (limits.queueLine) lines.push(limits.queueLine);
  for (const line of defences.upstreamLines) lines.push(`    ${line}`);
  const writeWeights = m.weights?.some((w) => w !== 1) ?? false;
  p.servers.forEach((s, i) => {
    const params = [
      `${p.hosts[i]}:${p.ports[i]}`,
      writeWeights ? `weight=${m.weights![i]}` : '',
      `max_conns=${s.capacity}`,
      ...defences.serverParams,
      s.up ? '' : 'down',
    ].filter(Boolean);
    lines.push(`    server ${params.join(' ')};  # ${commentText(s.name)}${s.up ? '' : ' (down)'}`);
  });
  const notes = [...limits.notes];
  if (p.servers.length === 0) {
    lines.push('    # no servers: NGINX refuses an upstream without any');
    notes.push('The setup has no servers, and NGINX needs at least one in an upstream.');
  }
  if (p.servers.some((s) => !s.up)) {
    notes.push(
      'Servers that are down are marked `down`: NGINX sends them nothing until `down` is taken off.',
    );
  }
  lines.push('}');
  if (defences.site.length > 0) lines.push('', ...defences.site);
  return snippet(p, {
    format: 'nginx',
    product: 'NGINX',
    extension: 'nginx.conf',
    mimeType: 'text/plain',
    strategy: m,
    lines,
    notes,
    defenceNotes: [...defences.notes, ...overloadNotes(overloadOf(setup), 'nginx')],
  });
}
