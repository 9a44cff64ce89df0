/**
 * Exact mean value analysis (Reiser & Lavenberg, 1980) of the closed network a population of
 * closed-loop clients forms with one server: N clients each think for a mean Z (a delay station,
 * any distribution), then send one request to a station of `servers` identical places with
 * exponential service of mean S and a FIFO queue, and wait for its answer before thinking again.
 *
 * The station is load dependent (its rate with j requests present is min(j, c) / S), so the
 * recursion carries the marginal probabilities p(j | n) of j requests at the station with n
 * clients, as in Lazowska et al., "Quantitative System Performance" (1984), chapter 20:
 *   R(n) = Σ_{j=1..n} j / μ(j) · p(j − 1 | n − 1)
 *   X(n) = n / (Z + R(n))
 *   p(j | n) = X(n) / μ(j) · p(j − 1 | n − 1),   p(0 | n) = 1 − Σ_{j≥1} p(j | n)
 * With one place this is the textbook R(n) = S (1 + Q(n − 1)).
 */

export interface ClosedLoopResult {
  /** Requests per second the population sends (and the station completes). */
  readonly throughputPerSec: number;
  /** Mean time at the station (queueing and service), ms: what a client waits per request. */
  readonly responseMs: number;
  /** Mean requests at the station. */
  readonly atStation: number;
  /** Share of the station's places in use. */
  readonly utilization: number;
}

/**
 * Closed-loop throughput and response time by exact MVA. O(N²) time, O(N) memory.
 * @param clients N >= 0
 * @param thinkMs Z >= 0
 * @param serviceMs S > 0 (mean of an exponential service time)
 * @param servers c >= 1 places at the station
 */
export function closedLoopMva(
  clients: number,
  thinkMs: number,
  serviceMs: number,
  servers = 1,
): ClosedLoopResult {
  if (!(Number.isInteger(clients) && clients >= 0))
    throw new RangeError(`clients must be a non-negative integer, got ${clients}`);
  if (!(thinkMs >= 0)) throw new RangeError(`think time must be >= 0, got ${thinkMs}`);
  if (!(serviceMs > 0)) throw new RangeError(`service time must be > 0, got ${serviceMs}`);
  if (!(Number.isInteger(servers) && servers >= 1))
    throw new RangeError(`servers must be an integer >= 1, got ${servers}`);
  // p[j] = p(j | n − 1) during step n; starts with p(0 | 0) = 1.
  let p = new Float64Array(clients + 1);
  p[0] = 1;
  let x = 0;
  let r = 0;
  for (let n = 1; n <= clients; n++) {
    r = 0;
    for (let j = 1; j <= n; j++) r += ((j * serviceMs) / Math.min(j, servers)) * p[j - 1]!;
    x = n / (thinkMs + r); // per ms
    const next = new Float64Array(clients + 1);
    let rest = 0;
    for (let j = 1; j <= n; j++) {
      next[j] = ((x * serviceMs) / Math.min(j, servers)) * p[j - 1]!;
      rest += next[j]!;
    }
    next[0] = Math.max(0, 1 - rest);
    p = next;
  }
  return {
    throughputPerSec: x * 1000,
    responseMs: r,
    atStation: x * r,
    utilization: (x * serviceMs) / servers,
  };
}

/**
 * The population at which a single-place station saturates, N* = (S + Z) / S (Lazowska et al.,
 * asymptotic bounds): below it clients mostly think, above it they mostly queue, and each extra
 * client adds S to everyone's response time.
 */
export function saturationPopulation(thinkMs: number, serviceMs: number, servers = 1): number {
  return (servers * (serviceMs + thinkMs)) / serviceMs;
}
