import type { Rng } from './random.ts';
import type { ServiceSpec } from './scenario/types.ts';

/** Draws service times in simulated ms: the same spec and Rng state give the same sequence. */
export interface ServiceSampler {
  sample(): number;
}

/*
 * One class per distribution rather than a closure: V8 cannot inline a call to a function whose
 * closures were created more than once (a second run, a reset, a changed spec), so every request
 * paid a call and a boxed number for its service time; a method of a class inlines at any count.
 */

class UniformService implements ServiceSampler {
  private readonly span: number;
  constructor(
    private readonly minMs: number,
    maxMs: number,
    private readonly rng: Rng,
  ) {
    this.span = maxMs - minMs;
  }
  sample(): number {
    return this.minMs + this.span * this.rng.next();
  }
}

class ExponentialService implements ServiceSampler {
  constructor(
    private readonly meanMs: number,
    private readonly rng: Rng,
  ) {}
  sample(): number {
    // u is a multiple of 2^-32 below 1, so 1 - u is exact and in (0, 1]: log(1 - u) is as exact
    // as log1p(-u) and finite (u = 0 gives +0, not -0), and V8 computes it in about 60% of the
    // time (log1p was 8% of the engine's time on the reference model, perf record -e cpu-clock).
    return -this.meanMs * Math.log(1 - this.rng.next());
  }
}

class ConstantService implements ServiceSampler {
  constructor(private readonly ms: number) {}
  sample(): number {
    return this.ms;
  }
}

/**
 * Lognormal: the median times e^(σ·z) for standard normal z, drawn by the Box–Muller transform.
 * Each pair of uniforms gives two independent normals; the second is kept for the next call.
 */
class LognormalService implements ServiceSampler {
  private spare = 0;
  private hasSpare = false;
  constructor(
    private readonly medianMs: number,
    private readonly sigma: number,
    private readonly rng: Rng,
  ) {}
  sample(): number {
    return this.medianMs * Math.exp(this.sigma * this.normal());
  }
  private normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.rng.next())); // exact 1 - u, as above
    const angle = 2 * Math.PI * this.rng.next();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }
}

/** Service times drawn from the scenario's distribution with the given stream. */
export function createServiceSampler(spec: ServiceSpec, rng: Rng): ServiceSampler {
  switch (spec.distribution) {
    case 'uniform':
      return new UniformService(spec.minMs, spec.maxMs, rng);
    case 'exponential':
      return new ExponentialService(spec.meanMs, rng);
    case 'constant':
      return new ConstantService(spec.ms);
    case 'lognormal':
      return new LognormalService(spec.medianMs, spec.sigma, rng);
  }
}

/** The exact mean of the distribution, in ms. */
export function meanServiceMs(spec: ServiceSpec): number {
  switch (spec.distribution) {
    case 'uniform':
      return (spec.minMs + spec.maxMs) / 2;
    case 'exponential':
      return spec.meanMs;
    case 'constant':
      return spec.ms;
    case 'lognormal':
      return spec.medianMs * Math.exp((spec.sigma * spec.sigma) / 2);
  }
}
