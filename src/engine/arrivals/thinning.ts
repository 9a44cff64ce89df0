import type { Rng } from '../random.ts';
import type { RateShape } from './rateShapes.ts';

/**
 * The next arrival of a non-homogeneous Poisson process after `t`, drawn exactly by thinning
 * (Lewis & Shedler, 1979): candidates come at the piece's bound `B` (a homogeneous Poisson
 * process), and each is kept with probability rate(candidate) / B. A candidate past the piece's
 * end is dropped and drawing starts again at that end with the next piece's bound, which is exact
 * because a Poisson process has no memory. Returns Infinity once the shape's span is over.
 */
export function nextArrival(shape: RateShape, rng: Rng, t: number): number {
  let s = Math.max(t, shape.from);
  const to = shape.to;
  while (s < to) {
    const end = Math.min(shape.pieceEnd(s), to);
    const bound = shape.pieceBound(s);
    if (!(bound > 0)) {
      s = end;
      continue;
    }
    const candidate = s + (-Math.log(1 - rng.next()) * 1000) / bound; // exponential gap, ms
    if (candidate >= end) {
      s = end;
      continue;
    }
    if (rng.next() * bound < shape.rate(candidate)) return candidate;
    s = candidate;
  }
  return Infinity;
}
