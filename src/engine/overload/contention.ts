/**
 * Load-dependent service time: a server slows down as it does more at once (lock contention,
 * cache thrashing, coordination), so overload makes every request slower, not only queued longer.
 *
 * Neil Gunther's Universal Scalability Law gives a server's throughput with N requests in service
 * as X(N) = λN / (1 + α(N − 1) + βN(N − 1)), where α is contention (serialised work) and β is
 * coherency (pairwise crosstalk). Each of the N requests then takes N·(1/λ)/(N/(1 + α(N−1) +
 * βN(N−1))) = s × (1 + α(N − 1) + βN(N − 1)), which is the factor below; β = 0 is the linear
 * contention model `s × (1 + α × (active − 1))`. The factor is taken when a request starts service
 * with `active` requests in service (itself included) and fixed for that request: a simplification
 * of processor sharing that keeps one completion event per request.
 */

/** The contention model of every server; `linear` ignores `beta`. */
export interface ContentionSpec {
  readonly model: 'off' | 'linear' | 'usl';
  /** α: the share of work that is serialised (USL "contention"). */
  readonly alpha: number;
  /** β: the cost of keeping N workers coherent, per pair (USL "coherency"). */
  readonly beta: number;
}

/** Service-time multiplier with `active` requests in service, this one included (>= 1). */
export function contentionFactor(spec: ContentionSpec, active: number): number {
  if (spec.model === 'off' || active <= 1) return 1;
  const others = active - 1;
  if (spec.model === 'linear') return 1 + spec.alpha * others;
  return 1 + spec.alpha * others + spec.beta * active * others;
}

/**
 * Throughput of a server with `n` requests in service relative to one request alone, X(N)/X(1):
 * the USL curve the Servers panel draws (it peaks and falls when β > 0).
 */
export function relativeThroughput(spec: ContentionSpec, n: number): number {
  return n <= 0 ? 0 : n / contentionFactor(spec, n);
}

/**
 * The concurrency that gives the most throughput, N* = sqrt((1 − α) / β) (Gunther); Infinity
 * when throughput never falls (β = 0, or the model is off or linear).
 */
export function peakConcurrency(spec: ContentionSpec): number {
  if (spec.model !== 'usl' || spec.beta <= 0) return Infinity;
  return Math.sqrt(Math.max(0, 1 - spec.alpha) / spec.beta);
}
