/**
 * The setup as an Envoy cluster (v3 API, YAML for `static_resources.clusters`): `lb_policy`
 * ROUND_ROBIN | LEAST_REQUEST | RANDOM | RING_HASH | MAGLEV, endpoints with
 * `load_balancing_weight`, and circuit breakers for the limits. Envoy has no per-endpoint
 * concurrency limit and no per-endpoint queue; the notes say so. The defences (checks, outlier
 * detection, retry budget, slow start, the route's timeouts and retries) come from envoyDefences.ts.
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
import { envoyDefences } from './envoyDefences.ts';
import { commentText, yamlString } from './names.ts';
import type { ConfigSnippet, ExportSetup } from './types.ts';
import { integerWeights, listWeights } from './weights.ts';

/** Envoy's ring may have at most 8M entries. */
const MAX_RING = 8_388_608;
/** Envoy's default Maglev table size, the same prime the simulation uses. */
const MAGLEV_TABLE = 65_537;

interface Method {
  /** Lines under the cluster, indented by the caller. */
  readonly policy: readonly string[];
  readonly method: string;
  readonly exact: boolean;
  readonly weights: readonly number[] | null;
  readonly notes: string[];
}

const HASH_POLICY = [
  '# The route says what to hash; for the request URI put on the route:',
  '#   hash_policy: [{ header: { header_name: ":path" } }]',
];

const HASH_HEALTH =
  'Envoy builds its ring or table from the healthy hosts, so a host going down hands its keys to the ' +
  'others; but a busy host keeps its keys (the request waits or fails at the limits), where the ' +
  'simulation walks on past a full server.';

const COUNTS_REQUESTS =
  'Envoy compares active requests to each host; the simulation counts requests in service and ' +
  'waiting. Envoy samples with replacement, so a draw can repeat a host; the simulation draws ' +
  'different servers.';

function leastRequest(choices: number): string[] {
  return ['lb_policy: LEAST_REQUEST', 'least_request_lb_config:', `  choice_count: ${choices}`];
}

const plain = { weights: null };

/** How Envoy does each strategy the simulation has (a new strategy does not compile until it is here). */
const ENVOY_METHODS: StrategyTable<Method> = {
  'round-robin': () => ({
    ...plain,
    policy: ['lb_policy: ROUND_ROBIN'],
    method: 'ROUND_ROBIN',
    exact: true,
    notes: [],
  }),
  'weighted-round-robin': (p) => {
    const w = integerWeights(
      p.servers.map((s) => s.weight),
      Math.floor(4_294_967_295 / Math.max(1, p.servers.length)),
    );
    const notes = [
      'Envoy’s weighted ROUND_ROBIN (an earliest-deadline-first schedule) gives the same shares ' +
        'but its own order of picks, not the smooth sequence the simulation (and NGINX) deal.',
    ];
    if (!w.exact) {
      notes.push(
        `Envoy weights are whole numbers: ${listWeights(p.servers.map((s) => s.weight))} are ` +
          `written as ${listWeights(w.values)}.`,
      );
    }
    return {
      policy: ['lb_policy: ROUND_ROBIN'],
      method: 'ROUND_ROBIN (weighted)',
      exact: false,
      weights: w.values,
      notes,
    };
  },
  'least-connections': () => ({
    ...plain,
    policy: [
      '# LEAST_REQUEST looking at every host (the built-in policy, set through its extension):',
      'load_balancing_policy:',
      '  policies:',
      '    - typed_extension_config:',
      '        name: envoy.load_balancing_policies.least_request',
      '        typed_config:',
      '          "@type": type.googleapis.com/envoy.extensions.load_balancing_policies.least_request.v3.LeastRequest',
      '          selection_method: FULL_SCAN',
    ],
    method: 'LEAST_REQUEST (FULL_SCAN)',
    exact: false,
    notes: [
      'selection_method FULL_SCAN needs a recent Envoy. Older versions only have ' +
        '`lb_policy: LEAST_REQUEST`, which compares choice_count random hosts (2 by default): ' +
        'power of two choices, not least connections.',
      'Ties: Envoy picks among equally loaded hosts at random; the simulation takes the first ' +
        'one in the list. Envoy counts active requests; the simulation also counts waiting ones.',
    ],
  }),
  random: () => ({
    ...plain,
    policy: ['lb_policy: RANDOM'],
    method: 'RANDOM',
    exact: true,
    notes: [],
  }),
  'power-of-two-choices': (p) => ({
    ...plain,
    policy: leastRequest(p.choices),
    method: `LEAST_REQUEST (choice_count: ${p.choices})`,
    exact: false,
    notes: [COUNTS_REQUESTS],
  }),
  'consistent-hash': (p) => {
    const ring = Math.min(MAX_RING, p.virtualNodes * Math.max(1, p.servers.length));
    return {
      ...plain,
      policy: [
        'lb_policy: RING_HASH',
        'ring_hash_lb_config:',
        `  minimum_ring_size: ${ring}`,
        ...HASH_POLICY,
      ],
      method: 'RING_HASH',
      exact: false,
      notes: [
        `minimum_ring_size is the simulation’s ${p.virtualNodes} virtual nodes times the ` +
          `${p.servers.length} servers, so each host gets about as many points on Envoy’s ring.`,
        HASH_HEALTH,
      ],
    };
  },
  maglev: () => ({
    ...plain,
    policy: [
      'lb_policy: MAGLEV',
      'maglev_lb_config:',
      `  table_size: ${MAGLEV_TABLE}`,
      ...HASH_POLICY,
    ],
    method: 'MAGLEV',
    exact: false,
    notes: [
      `Envoy’s MAGLEV fills the same ${MAGLEV_TABLE.toLocaleString('en-US')}-entry table the ` +
        'same way (Eisenbud et al.), with its own hash functions.',
      HASH_HEALTH,
    ],
  }),
  'modulo-hash': () => ({
    ...plain,
    policy: ['lb_policy: RING_HASH', ...HASH_POLICY],
    method: 'RING_HASH (closest)',
    exact: false,
    notes: [
      'Envoy has no modulo hashing. RING_HASH is written instead: keys stay on their servers ' +
        'as modulo hashing does, but adding or removing a server moves only about 1/N of them, ' +
        'not the reshuffle the simulation shows.',
    ],
  }),
  'peak-ewma': (p) => ({
    ...plain,
    policy: leastRequest(p.choices),
    method: `LEAST_REQUEST (closest, choice_count: ${p.choices})`,
    exact: false,
    notes: [
      'Peak EWMA has no Envoy equivalent: LEAST_REQUEST compares active requests, not latency. ' +
        'Linkerd and Finagle implement peak EWMA.',
    ],
  }),
};

/** For a strategy this build does not know: Envoy's default stands in. */
function standIn(p: Prepared): Method {
  return {
    ...plain,
    policy: ['lb_policy: ROUND_ROBIN'],
    method: 'ROUND_ROBIN (no equivalent)',
    exact: false,
    notes: [noEquivalent(p, 'Envoy', 'ROUND_ROBIN')],
  };
}

/** The circuit breakers; `thresholds` are more fields of the DEFAULT thresholds (retries). */
function limits(p: Prepared, thresholds: readonly string[]): { lines: string[]; notes: string[] } {
  const capacities = new Set(p.servers.map((s) => s.capacity));
  const lines = [
    'circuit_breakers:',
    '  thresholds:',
    '    - priority: DEFAULT',
    `      max_requests: ${p.totalCapacity}  # the servers’ capacities in total`,
    ...thresholds.map((l) => `      ${l}`),
  ];
  const notes = [
    `Envoy has no per-endpoint concurrency limit: circuit breakers cover the whole cluster ` +
      `(max_requests ${p.totalCapacity}, the capacities in total), so one host can get more ` +
      'than its capacity while others have room. Over the limit Envoy fails a request at once ' +
      '(503), as the simulation does with queue limit 0.',
  ];
  if (capacities.size === 1 && p.servers.length > 0) {
    const c = p.servers[0]!.capacity;
    lines.push('  per_host_thresholds:', '    - priority: DEFAULT', `      max_connections: ${c}`);
    notes.push(
      `per_host_thresholds allows only max_connections, one value for every host: ${c} ` +
        'connections cap requests per host only over HTTP/1.1 (one request per connection).',
    );
  } else if (p.servers.length > 1) {
    notes.push(
      'per_host_thresholds (max_connections only) takes one value for every host, so servers of ' +
        'different capacities cannot each get their own limit: none is written.',
    );
  }
  if (p.queues.bounded + p.queues.unbounded > 0) {
    notes.push(
      'Envoy keeps no queue per server: requests wait only as pending requests for a connection ' +
        '(max_pending_requests, 1024 by default, for the whole cluster).',
    );
  }
  return { lines, notes };
}

function endpointLines(
  p: Prepared,
  weights: readonly number[] | null,
  markDown: boolean,
): string[] {
  const writeWeights = weights?.some((w) => w !== 1) ?? false;
  const lines: string[] = [];
  p.servers.forEach((s, i) => {
    lines.push(
      `# ${commentText(s.name)}`,
      '- endpoint:',
      '    address:',
      '      socket_address:',
      `        address: ${p.hosts[i]}`,
      `        port_value: ${p.ports[i]}`,
    );
    if (writeWeights) lines.push(`  load_balancing_weight: ${weights![i]}`);
    if (!s.up && markDown) lines.push('  health_status: UNHEALTHY');
  });
  return lines;
}

/** The setup as an Envoy cluster in YAML, with notes. */
export function envoyConfig(setup: ExportSetup): ConfigSnippet {
  const p = prepare(setup);
  const m = mapStrategy(p, ENVOY_METHODS, standIn);
  const defences = envoyDefences(setup.resilience, yamlString(p.section), m.policy, m.method);
  const lim = limits(p, defences.thresholds);
  const panic = Math.max(0, Math.min(100, setup.resilience?.panicThresholdPercent ?? 0));
  const indent = (n: number, lines: readonly string[]) => lines.map((l) => `${' '.repeat(n)}${l}`);
  const cluster = [
    `name: ${yamlString(p.section)}`,
    'type: STRICT_DNS',
    ...defences.top,
    ...defences.policy,
    'common_lb_config:',
    '  healthy_panic_threshold:',
    `    value: ${panic}`,
    ...lim.lines,
    ...defences.cluster,
    'load_assignment:',
    `  cluster_name: ${yamlString(p.section)}`,
    '  endpoints:',
    p.servers.length > 0 ? '    - lb_endpoints:' : '    []',
    ...indent(8, endpointLines(p, m.weights, defences.markDown)),
  ];
  const lines = [
    ...header(p, 'Envoy'),
    '# A cluster for static_resources (Envoy v3 API).',
    'clusters:',
    `  - ${cluster[0]}`,
    ...indent(4, cluster.slice(1)),
    ...defences.route,
  ];
  const notes = [...lim.notes];
  notes.push(
    panic === 0
      ? 'Panic mode is off (healthy_panic_threshold 0). By default Envoy, with under 50% of hosts ' +
          'healthy, spreads traffic over every host, down ones included; the simulation never does.'
      : `healthy_panic_threshold is the setup’s panic threshold, ${panic}%.`,
  );
  if (defences.markDown && p.servers.some((s) => !s.up)) {
    notes.push(
      'Servers that are down have health_status UNHEALTHY; without active health checks Envoy ' +
        'takes that as given and sends them nothing.',
    );
  }
  if (m.method.startsWith('ROUND_ROBIN')) {
    notes.push('Each Envoy worker thread keeps its own place in the rotation.');
  }
  return snippet(p, {
    format: 'envoy',
    product: 'Envoy',
    extension: 'envoy.yaml',
    mimeType: 'application/yaml',
    strategy: m,
    lines,
    notes,
    defenceNotes: [...defences.notes, ...overloadNotes(overloadOf(setup), 'envoy')],
  });
}
