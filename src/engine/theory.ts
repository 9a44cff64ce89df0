/**
 * Closed-form queueing and caching results the playground draws next to simulated measurements,
 * so a user can see where the simulation agrees with theory (and where a strategy beats it).
 * Pure functions, no state; each cites the formula it evaluates.
 */

/**
 * Erlang B: the probability that an arrival finds all `servers` busy and is lost, in an
 * M/M/c/c loss system offered `offeredLoadErlangs` = λ/μ erlangs.
 *
 * Evaluated with the numerically stable recursion B(0) = 1, B(k) = a·B(k-1) / (k + a·B(k-1)),
 * which never forms a^c or c! and so works for thousands of servers. O(servers).
 *
 * @param servers a non-negative integer
 * @param offeredLoadErlangs a ≥ 0 (Infinity gives 1)
 */
export function erlangB(servers: number, offeredLoadErlangs: number): number {
  if (!(Number.isInteger(servers) && servers >= 0)) {
    throw new RangeError(`erlangB servers must be a non-negative integer, got ${servers}`);
  }
  const a = offeredLoadErlangs;
  if (!(a >= 0)) throw new RangeError(`erlangB offered load must be ≥ 0, got ${a}`);
  if (servers === 0 || a === Infinity) return 1;
  let b = 1;
  for (let k = 1; k <= servers; k++) {
    const ab = a * b;
    b = ab / (k + ab);
  }
  return b;
}

/** Steady-state M/M/1 figures. */
export interface MM1Result {
  /** ρ = λ/μ. */
  readonly utilization: number;
  /** Mean time in system W = 1/(μ - λ), in ms. */
  readonly meanResponseMs: number;
  /** Mean time waiting before service Wq = ρ/(μ - λ), in ms. */
  readonly meanWaitMs: number;
  /** Mean number in system L = ρ/(1 - ρ) (Little's law: L = λW). */
  readonly meanInSystem: number;
}

/**
 * The M/M/1 queue (Poisson arrivals at rate λ, exponential service at rate μ, one server, FIFO):
 * ρ = λ/μ, W = 1/(μ - λ), Wq = ρ/(μ - λ), L = ρ/(1 - ρ). Returns null when unstable (ρ ≥ 1) or
 * when the rates are not valid (λ < 0, μ ≤ 0, NaN).
 */
export function mm1(arrivalRatePerMs: number, serviceRatePerMs: number): MM1Result | null {
  const lambda = arrivalRatePerMs;
  const mu = serviceRatePerMs;
  if (!(lambda >= 0 && mu > 0 && mu < Infinity)) return null;
  const rho = lambda / mu;
  if (!(rho < 1)) return null;
  return {
    utilization: rho,
    meanResponseMs: 1 / (mu - lambda),
    meanWaitMs: rho / (mu - lambda),
    meanInSystem: rho / (1 - rho),
  };
}

/**
 * SLO attainment of an M/M/1 queue: the share of requests whose time in system is within
 * `thresholdMs`. Served FIFO, the time in system is exponential with mean W = 1/(μ − λ), so the
 * share is P(T ≤ t) = 1 − e^(−t/W) (Kleinrock, Queueing Systems I, §3.2). Under random routing
 * each of n servers is such a queue (Poisson splitting), so the same share holds for the pool.
 *
 * @param thresholdMs t ≥ 0
 * @param meanResponseMs W > 0, as `mm1(...).meanResponseMs`
 */
export function mm1SloAttainment(thresholdMs: number, meanResponseMs: number): number {
  if (!(thresholdMs >= 0)) {
    throw new RangeError(`mm1SloAttainment threshold must be ≥ 0, got ${thresholdMs}`);
  }
  if (!(meanResponseMs > 0)) {
    throw new RangeError(`mm1SloAttainment mean time must be > 0, got ${meanResponseMs}`);
  }
  return 1 - Math.exp(-thresholdMs / meanResponseMs);
}

/**
 * Zipf popularity over `count` keys: p_k = (k+1)^-s / H(count, s) for k = 0..count-1, where
 * H(count, s) = Σ_{j=1..count} j^-s is the generalized harmonic number. s = 0 is uniform; larger
 * s concentrates requests on the first keys.
 */
export function zipfProbabilities(count: number, s: number): Float64Array {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new RangeError(`zipfProbabilities count must be a non-negative integer, got ${count}`);
  }
  if (!(s >= 0 && s < Infinity)) {
    throw new RangeError(`zipfProbabilities exponent must be finite and ≥ 0, got ${s}`);
  }
  const p = new Float64Array(count);
  let total = 0;
  // Summing smallest terms first keeps the normalization accurate for long tails.
  for (let k = count - 1; k >= 0; k--) {
    const w = Math.pow(k + 1, -s);
    p[k] = w;
    total += w;
  }
  for (let k = 0; k < count; k++) p[k]! /= total;
  return p;
}

/**
 * Hit rate of an LRU cache holding `capacity` keys under the independent reference model, by the
 * Che approximation (Che, Tung & Wang 2002; Fricker, Robert & Roberts 2012): the characteristic
 * time T solves Σ_i (1 - e^{-p_i T}) = capacity, and the hit rate is Σ_i p_i (1 - e^{-p_i T}).
 *
 * `probabilities` need not be normalized (they are divided by their sum); entries ≤ 0 or NaN are
 * keys never requested. Returns 0 when capacity ≤ 0 or nothing is requested, and 1 when capacity
 * is at least the number of requested keys. Capacity may be fractional.
 *
 * T is found by Newton's method from T = 0: the left side is increasing and concave in T, so the
 * iterates rise monotonically to the root without overshooting. O(keys) per iteration.
 */
export function cheHitRate(capacity: number, probabilities: Float64Array): number {
  if (Number.isNaN(capacity)) throw new RangeError('cheHitRate capacity is NaN');
  let total = 0;
  let requested = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    if (p > 0) {
      total += p;
      requested++;
    }
  }
  if (requested === 0 || capacity <= 0) return 0;
  if (capacity >= requested) return 1;
  if (!(total < Infinity)) throw new RangeError('cheHitRate probabilities must be finite');

  const inv = 1 / total;
  let t = 0;
  for (let iter = 0; iter < 1000; iter++) {
    // f(T) = Σ (1 - e^{-p T}) - capacity, f'(T) = Σ p e^{-p T}; p normalized.
    let f = -capacity;
    let df = 0;
    for (let i = 0; i < probabilities.length; i++) {
      const raw = probabilities[i]!;
      if (!(raw > 0)) continue;
      const p = raw * inv;
      const e = Math.exp(-p * t);
      f -= Math.expm1(-p * t);
      df += p * e;
    }
    if (!(df > 0)) break;
    const step = -f / df;
    t += step;
    if (!(Math.abs(step) > 1e-13 * t)) break;
  }

  let hit = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const raw = probabilities[i]!;
    if (!(raw > 0)) continue;
    const p = raw * inv;
    hit -= p * Math.expm1(-p * t);
  }
  return Math.min(1, Math.max(0, hit));
}

/**
 * The power-of-d-choices ("supermarket model") fixed point (Mitzenmacher 1996/2001; Vvedenskaya,
 * Dobrushin & Karpelevich 1996): with n → ∞ FIFO servers of rate 1, arrivals at rate λn each
 * joining the shortest of d queues sampled at random, the fraction of queues with at least i jobs
 * is s_i = λ^((d^i − 1)/(d − 1)) for d ≥ 2, and s_i = λ^i for d = 1 (independent M/M/1 queues).
 *
 * @param lambda arrival rate per server relative to service rate, 0 ≤ λ; for λ ≥ 1 the system is
 *   unstable and every queue grows without bound, so the result is 1
 * @param d number of queues sampled, ≥ 1 (need not be an integer)
 * @param i queue length threshold, ≥ 0 (s_0 = 1)
 */
export function supermarketTail(lambda: number, d: number, i: number): number {
  checkSupermarket(lambda, d);
  if (!(i >= 0)) throw new RangeError(`supermarketTail i must be ≥ 0, got ${i}`);
  if (i === 0 || lambda >= 1) return 1;
  const exponent = d === 1 ? i : (Math.pow(d, i) - 1) / (d - 1);
  return Math.pow(lambda, exponent);
}

/**
 * Mean sojourn time (waiting plus service) in the supermarket model, in units of the mean service
 * time: by Little's law, T = (Σ_{i≥1} s_i) / λ with s_i from supermarketTail. For d = 1 this is the
 * M/M/1 result 1/(1 − λ), used in closed form; for d ≥ 2 the terms fall doubly exponentially and
 * the sum stops once they no longer change it. λ = 0 gives 1 (service only); λ ≥ 1 gives Infinity.
 */
export function supermarketMeanSojourn(lambda: number, d: number): number {
  checkSupermarket(lambda, d);
  if (lambda >= 1) return Infinity;
  if (lambda === 0) return 1;
  if (d === 1) return 1 / (1 - lambda);
  const lnLambda = Math.log(lambda);
  let exponent = 1; // (d^i - 1)/(d - 1) for i = 1, then e_{i+1} = d·e_i + 1
  let sum = 0;
  for (let i = 1; i <= 100_000; i++) {
    const term = Math.exp(exponent * lnLambda);
    sum += term;
    if (term <= 1e-17 * sum) break;
    exponent = exponent * d + 1;
  }
  return sum / lambda;
}

function checkSupermarket(lambda: number, d: number): void {
  if (!(lambda >= 0)) throw new RangeError(`supermarket λ must be ≥ 0, got ${lambda}`);
  if (!(d >= 1 && d < Infinity)) throw new RangeError(`supermarket d must be ≥ 1, got ${d}`);
}
