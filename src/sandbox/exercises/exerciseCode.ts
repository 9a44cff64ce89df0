/**
 * The code of the six exercises: what each starts from (a stub that runs but does not solve it)
 * and the reference solution shown on request. Solutions to the exact algorithms pick exactly as
 * the built-in strategies do (exercises.test.ts checks each against its grader).
 */
import { STRATEGY_TEMPLATES } from '../templates.ts';

/** The code of one of the editor's templates. */
function templateCode(id: string): string {
  const template = STRATEGY_TEMPLATES.find((t) => t.id === id);
  if (template === undefined) throw new Error(`no strategy template ${id}`);
  return template.code;
}

function starter(what: string): string {
  return `// Exercise: ${what}.
// selectServer gets the healthy servers in pool order; return one of them
// (or its index). state is yours, kept between calls; pool.loads[i] is
// servers[i].active + servers[i].queued.
function selectServer(servers, request, state, pool) {
  return servers[0];
}
`;
}

export const STARTERS = {
  'round-robin': starter('round robin'),
  'least-connections': starter('least connections'),
  'weighted-round-robin': starter('smooth weighted round robin'),
  'power-of-two-choices': starter('power of two choices'),
  'consistent-hashing': starter('consistent hashing with virtual nodes'),
  'latency-aware': starter('the lowest expected wait'),
} as const;

export const SOLUTIONS = {
  'round-robin': `// Round robin: a counter over the healthy servers, one step per request.
function selectServer(servers, request, state) {
  state.counter = state.counter ?? 0;
  const server = servers[state.counter % servers.length];
  state.counter += 1;
  return server;
}
`,
  // The editor's least-connections template is the solution (its comment says why it is fast).
  'least-connections': templateCode('least-connections'),
  'weighted-round-robin': `// nginx's smooth weighted round robin: at every pick each healthy server
// earns its weight in credit; the richest wins and pays back the total.
// Weights 5, 1, 1 give a a b a c a a, not a a a a a b c.
function onServerChange(servers, state) {
  // A new server list or new weights start a fresh cycle, as nginx does
  // when an upstream is reconfigured.
  const signature = servers.map((s) => s.index + ':' + s.name + ':' + s.weight).join(',');
  if (signature !== state.signature) {
    state.signature = signature;
    state.credit = {};
  }
}

function selectServer(servers, request, state) {
  let best = null;
  let total = 0;
  for (const server of servers) {
    const credit = (state.credit[server.index] ?? 0) + server.weight;
    state.credit[server.index] = credit;
    total += server.weight;
    // Strictly richer: the first of equals wins.
    if (best === null || credit > state.credit[best.index]) best = server;
  }
  state.credit[best.index] -= total;
  return best;
}
`,
  'power-of-two-choices': `// Power of two choices (Mitzenmacher): draw two different healthy servers
// at random and send the request to the less busy one.
function selectServer(servers, request, state) {
  if (servers.length === 1) return servers[0];
  const i = Math.floor(Math.random() * servers.length);
  // A second draw among the others, so the two are never the same server.
  let j = Math.floor(Math.random() * (servers.length - 1));
  if (j >= i) j += 1;
  const a = servers[i];
  const b = servers[j];
  return a.active + a.queued <= b.active + b.queued ? a : b;
}
`,
  'consistent-hashing': `// Consistent hashing with virtual nodes (Karger et al., 1997): every server
// sits at 100 points on a ring of 2^32 positions, and a key goes to the first
// point clockwise from its own hash. The ring holds every registered server,
// so when one is full or down its keys walk on to the next points while all
// other keys stay where they are.
const VIRTUAL_NODES = 100;

// FNV-1a, then murmur3's finalizer so that nearby inputs land far apart.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Called before the first pick and whenever a server joins or leaves.
function onServerChange(servers, state) {
  const ring = [];
  for (const server of servers) {
    for (let v = 0; v < VIRTUAL_NODES; v++) {
      ring.push({ point: hash(server.name + '#' + v), server });
    }
  }
  ring.sort((a, b) => a.point - b.point || a.server.index - b.server.index);
  state.ring = ring;
}

function selectServer(servers, request, state) {
  const ring = state.ring;
  const h = hash(String(request.key));
  // The first point at or after the key's hash (binary search), wrapping round.
  let lo = 0;
  let hi = ring.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ring[mid].point < h) lo = mid + 1;
    else hi = mid;
  }
  // Server objects stay the same between calls, so healthy is current here.
  for (let step = 0; step < ring.length; step++) {
    const server = ring[(lo + step) % ring.length].server;
    if (server.healthy) return server;
  }
  return servers[0];
}
`,
  'latency-aware': `// Lowest expected wait: a server's recent latency times the requests it
// would hold with this one (the cost Finagle's peak EWMA minimises, here over
// every healthy server). A server with no reply yet costs 0, so it is tried.
function selectServer(servers, request, state) {
  let best = servers[0];
  let bestCost = Infinity;
  for (const server of servers) {
    const cost = server.latencyEwmaMs * (server.active + server.queued + 1);
    if (cost < bestCost) {
      best = server;
      bestCost = cost;
    }
  }
  return best;
}
`,
} as const;

export type ExerciseId = keyof typeof SOLUTIONS;
