/**
 * The six graded exercises: the load-balancing questions interviews ask most, each with a
 * statement, a hint, a starter and a reference solution. Data only: the page imports it without
 * loading the sandbox; the grader (grade.ts) holds the hidden cases.
 */
import { SOLUTIONS, STARTERS, type ExerciseId } from './exerciseCode.ts';

export type { ExerciseId } from './exerciseCode.ts';

export interface Exercise {
  readonly id: ExerciseId;
  readonly title: string;
  /** What to build, in two or three sentences. */
  readonly statement: string;
  /** How the hidden cases judge it, so nobody is surprised by what is checked. */
  readonly judged: string;
  readonly hint: string;
  readonly starter: string;
  readonly solution: string;
}

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'round-robin',
    title: 'Round robin',
    statement:
      'Hand requests to the healthy servers in turn, as the original demo does: keep a counter, ' +
      'take the server at counter mod the number of healthy servers, then move the counter on.',
    judged:
      'Pick by pick against the built-in round robin on a seeded run (requests finishing, a ' +
      'server going down and up, one leaving and a new one joining); one server; determinism.',
    hint: 'Keep the counter in `state`, which lives as long as the run. `servers` holds only the healthy servers, so the turn shifts when one fills up: that is the demo’s behaviour.',
    starter: STARTERS['round-robin'],
    solution: SOLUTIONS['round-robin'],
  },
  {
    id: 'least-connections',
    title: 'Least connections',
    statement:
      'Send each request to the healthy server with the fewest requests in service or waiting ' +
      '(`active + queued`). On a tie, the first of them in the list wins.',
    judged:
      'Pick by pick against the built-in least connections on a seeded run; ties between idle ' +
      'servers; one server; a server leaving and joining; determinism.',
    hint: 'One pass over `servers`, remembering the best so far; replace it only when a server is strictly less loaded, so the first of equals stays.',
    starter: STARTERS['least-connections'],
    solution: SOLUTIONS['least-connections'],
  },
  {
    id: 'weighted-round-robin',
    title: 'Smooth weighted round robin',
    statement:
      'Deal requests in proportion to `weight`, spread out evenly as nginx does: at every pick ' +
      'each healthy server earns its weight in credit, the one with the most credit wins and ' +
      'pays back the total weight. Weights 5, 1, 1 give a a b a c a a. A change to the servers ' +
      'or their weights starts a fresh cycle.',
    judged:
      'Pick by pick against the built-in (nginx) smooth weighted round robin on a seeded run with ' +
      'weights 5, 1, 1 and 3, 2; equal weights; one server; a server leaving and joining.',
    hint: 'Keep each server’s credit in `state`, keyed by `server.index`. Reset it in onServerChange when the list of (index, name, weight) changed. Ties go to the first server in the list.',
    starter: STARTERS['weighted-round-robin'],
    solution: SOLUTIONS['weighted-round-robin'],
  },
  {
    id: 'power-of-two-choices',
    title: 'Power of two choices',
    statement:
      'Draw two different healthy servers at random (`Math.random`) and send the request to ' +
      'the less busy of the two (`active + queued`).',
    judged:
      'Never the busiest of ten servers; the idlest about 2 picks in 10 (not always, which ' +
      'would be least connections); an even spread over equal servers; the idle one of two; one ' +
      'server; the same picks from the same seed.',
    hint: 'Draw i from all servers and j from the others (draw among length − 1 and skip over i), then compare the two loads.',
    starter: STARTERS['power-of-two-choices'],
    solution: SOLUTIONS['power-of-two-choices'],
  },
  {
    id: 'consistent-hashing',
    title: 'Consistent hashing with virtual nodes',
    statement:
      'Place every server at many points (virtual nodes) on a ring of hash values and send a ' +
      'request to the first server clockwise from the hash of its `request.key`. The same key ' +
      'keeps its server; when a server leaves, only its own keys move.',
    judged:
      'Same key, same server; keys spread evenly over five servers; when one of five leaves, ' +
      'only its keys move, and they come back when it returns; a full server’s keys go elsewhere ' +
      'without an error; one server.',
    hint: 'Build the ring in onServerChange (called before the first pick and when servers join or leave) from every registered server, sorted by point. In selectServer, binary-search the key’s hash and walk on past servers that are not `healthy`. JavaScript has no hash function: FNV-1a is five lines.',
    starter: STARTERS['consistent-hashing'],
    solution: SOLUTIONS['consistent-hashing'],
  },
  {
    id: 'latency-aware',
    title: 'Lowest expected wait',
    statement:
      'Send each request to the healthy server whose recent latency, times the requests it ' +
      'would then hold, is lowest: `latencyEwmaMs × (active + queued + 1)`. The first wins a tie; ' +
      'a server with no reply yet costs 0, so it is tried.',
    judged:
      'Pick by pick against the rule on a seeded run where one server is four times slower; that ' +
      'server gets far fewer requests than its share; one server.',
    hint: 'It is least connections with each load weighted by the server’s `latencyEwmaMs`: the same one pass, a different score.',
    starter: STARTERS['latency-aware'],
    solution: SOLUTIONS['latency-aware'],
  },
];

/** The exercise with this id. */
export function exerciseById(id: ExerciseId): Exercise {
  return EXERCISES.find((e) => e.id === id)!;
}
