/**
 * The reference text of the strategy API, shown beside the editor and printed by the CLI's
 * `--strategy-help`. Each entry is a signature or a name and what it means.
 */
export interface ApiEntry {
  readonly name: string;
  readonly text: string;
}

export interface ApiSection {
  readonly title: string;
  readonly entries: readonly ApiEntry[];
}

export const API_REFERENCE: readonly ApiSection[] = [
  {
    title: 'Functions you write',
    entries: [
      {
        name: 'selectServer(servers, request, state, pool)',
        text:
          'Required. Called for every request the balancer places. Return one of `servers` (the ' +
          'object itself) or its `index`. Anything else stops the run at that request, with a ' +
          'message saying what came back. `pool` is optional to declare.',
      },
      {
        name: 'onComplete(server, latencyMs, state)',
        text:
          'Optional. A request on `server` finished after `latencyMs` (milliseconds at the ' +
          'server, queueing included). Called before the next selectServer, in the order the ' +
          'requests finished.',
      },
      {
        name: 'onServerChange(servers, state)',
        text:
          'Optional. The pool changed: a server joined, left or was renamed, or its capacity, ' +
          'weight or speed changed. `servers` is every registered server (healthy or not) in pool ' +
          'order. Called once before the next selectServer. Not called when a server merely ' +
          'fills up or frees a place: read `active` and `queued` for that.',
      },
    ],
  },
  {
    title: 'What they receive',
    entries: [
      {
        name: 'servers',
        text:
          'selectServer gets the healthy servers (up, with room for one more request) in pool ' +
          'order, never an empty list. The array is frozen: copy it before sorting, e.g. ' +
          '`[...servers].sort(...)`.',
      },
      {
        name: 'server.index',
        text:
          "The server's number in the pool: stable for the run, so it can key your own data " +
          '(`state.credit[server.index]`). A removed server keeps its number; a new one gets a new ' +
          'number.',
      },
      {
        name: 'server.name, .capacity, .weight, .speed',
        text:
          'As set up in the servers panel: concurrent requests it serves, its weight, and its ' +
          'speed (service time is divided by it).',
      },
      {
        name: 'server.active, .queued',
        text: 'Requests it is serving, and requests waiting in its queue, right now.',
      },
      {
        name: 'server.latencyEwmaMs',
        text:
          'Moving average of its recent latencies: each reply moves it 20% of the way to the new ' +
          'latency (the first reply sets it). 0 before the first reply.',
      },
      {
        name: 'server.healthy',
        text: 'Whether it is offered to selectServer now (always true there; useful in onServerChange).',
      },
      {
        name: 'pool.loads',
        text:
          'An array of numbers beside `servers`: `pool.loads[i]` is `servers[i].active + ' +
          'servers[i].queued`. Built-in array methods scan it in native code, far faster than a ' +
          'loop over the server objects (about ten times at 100 servers): least connections is ' +
          '`servers[pool.loads.indexOf(Math.min.apply(null, pool.loads))]` (indexOf finds the ' +
          'first of equal loads). `Math.min(...pool.loads)` gives the same but copies the array ' +
          'first, several times slower. Each call gets its own copy of the array, made at its ' +
          'first read of `pool.loads` and the same for every later read in that call. Sort it or ' +
          'change it as you like; neither the balancer nor any later call sees the change.',
      },
      {
        name: 'request.id, .key, .attempt',
        text:
          "The request's number, its cache key (the hashing strategies route on it), and which " +
          'attempt this is (0 the first, 1 the first retry...).',
      },
      {
        name: 'state',
        text:
          'An object of your own, kept between calls for the whole run and shared by the three ' +
          'functions. Each balancer has its own.',
      },
    ],
  },
  {
    title: 'The sandbox',
    entries: [
      {
        name: 'Math.random()',
        text:
          "Draws from the run's seeded strategy stream (the one the built-in strategies use), so a " +
          'run with the same seed makes the same picks. Call it inside the functions: at the top ' +
          'level there is no run yet.',
      },
      {
        name: 'What is there',
        text:
          'JavaScript itself: Math, JSON, Array, Map, Set, typed arrays, strings and so on. No ' +
          'Date or clock, no timers, no network, no console, no page: the code runs in its own ' +
          'engine (QuickJS, compiled to WebAssembly), never in the page.',
      },
      {
        name: 'Limits',
        text:
          'A call that runs longer than half a second is stopped (an endless loop ends the run ' +
          'with its line); the sandbox has 64 MB of memory. Treat `servers` and their fields as ' +
          'read-only: what you write there never reaches the balancer, but your own code reads ' +
          "it back until that field next changes (a server's `index` cannot be written).",
      },
    ],
  },
];
