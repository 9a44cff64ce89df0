import type { Rng } from './random.ts';
import type { ServiceSpec } from './scenario/types.ts';

/**
 * Service times in simulated ms, drawn from the scenario's distribution with the given stream.
 * Each sampler is deterministic: the same spec and Rng state give the same sequence.
 */
export function createServiceSampler(spec: ServiceSpec, rng: Rng): () => number {
  switch (spec.distribution) {
    case 'uniform': {
      const { minMs, maxMs } = spec;
      const span = maxMs - minMs;
      return () => minMs + span * rng.next();
    }
    case 'exponential': {
      const mean = spec.meanMs;
      // 1 - u lies in (0, 1], so the log is finite (and u = 0 gives +0, not -0).
      return () => -mean * Math.log1p(-rng.next());
    }
    case 'constant': {
      const ms = spec.ms;
      return () => ms;
    }
    case 'lognormal': {
      const { medianMs, sigma } = spec;
      const normal = standardNormal(rng);
      return () => medianMs * Math.exp(sigma * normal());
    }
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

/**
 * Standard normal variates by the Box–Muller transform. Each pair of uniforms gives two
 * independent normals; the second is kept for the next call.
 */
function standardNormal(rng: Rng): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log1p(-rng.next()));
    const angle = 2 * Math.PI * rng.next();
    spare = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };
}
