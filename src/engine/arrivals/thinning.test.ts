import { describe, expect, it } from 'vitest';
import { streamRng } from '../random.ts';
import {
  ConstantRate,
  DiurnalRate,
  RampRate,
  SpikedRate,
  TraceRate,
  type RateShape,
} from './rateShapes.ts';
import { nextArrival } from './thinning.ts';

const MIN = 60_000;
const HOUR = 3_600_000;

/** The integral of the rate by the midpoint rule, for checking `expected`. */
function integrate(shape: RateShape, a: number, b: number, steps = 20_000): number {
  const h = (b - a) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += shape.rate(a + (i + 0.5) * h);
  return (sum * h) / 1000;
}

/** Arrivals counted in `bins` equal intervals of the shape's span. */
function countArrivals(shape: RateShape, seed: number, bins: number): number[] {
  const rng = streamRng(seed, 'arrivals');
  const counts = new Array<number>(bins).fill(0);
  const width = (shape.to - shape.from) / bins;
  let previous = -Infinity;
  for (let t = nextArrival(shape, rng, shape.from); t < Infinity; t = nextArrival(shape, rng, t)) {
    expect(t).toBeGreaterThan(previous);
    previous = t;
    counts[Math.min(bins - 1, Math.floor((t - shape.from) / width))]!++;
  }
  return counts;
}

/**
 * Counts per interval against the integral of the rate: each within 5 standard deviations, and
 * Pearson's chi-square over all intervals within 5 of its own standard deviations of its mean
 * (k - 1 degrees of freedom), which also fails a process with too little variance to be Poisson.
 */
function expectPoissonCounts(shape: RateShape, seed: number, bins: number): void {
  const counts = countArrivals(shape, seed, bins);
  const width = (shape.to - shape.from) / bins;
  let chi2 = 0;
  let used = 0;
  counts.forEach((observed, i) => {
    const a = shape.from + i * width;
    const expected = shape.expected(a, a + width);
    if (expected === 0) {
      expect(observed).toBe(0);
      return;
    }
    expect(Math.abs(observed - expected)).toBeLessThan(5 * Math.sqrt(expected) + 1);
    if (expected >= 20) {
      chi2 += (observed - expected) ** 2 / expected;
      used++;
    }
  });
  const df = used - 1;
  expect(used).toBeGreaterThan(10);
  expect(Math.abs(chi2 - df)).toBeLessThan(5 * Math.sqrt(2 * df));
}

describe('rate shapes: expected arrivals are the integral of the rate', () => {
  const shapes: [string, RateShape][] = [
    ['ramp', new RampRate(1000, 61_000, 5, 25)],
    ['diurnal', new DiurnalRate(0, 2 * HOUR, 2, 20, HOUR, 30 * MIN)],
    [
      'trace',
      new TraceRate([
        [0, 0],
        [MIN, 50],
        [2 * MIN, 50],
        [3 * MIN, 5],
        [5 * MIN, 0],
      ]),
    ],
    [
      'spiked diurnal',
      new SpikedRate(new DiurnalRate(0, HOUR, 10, 30, HOUR, 0), [
        { from: 10 * MIN, to: 20 * MIN, multiplier: 5 },
        { from: 15 * MIN, to: 40 * MIN, multiplier: 0.5 },
      ]),
    ],
  ];
  for (const [name, shape] of shapes) {
    it(name, () => {
      const a = shape.from + 1234;
      const b = shape.to - 5678;
      // Relative: the midpoint rule errs by up to a step's share at each jump of a spike.
      const near = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThan(1e-4 * y + 1e-6);
      near(shape.expected(a, b), integrate(shape, a, b));
      near(
        shape.expected(shape.from - 1e6, shape.to + 1e6),
        integrate(shape, shape.from, shape.to),
      );
    });
  }

  it('a diurnal day peaks at its phase and bottoms out half a period later', () => {
    const day = new DiurnalRate(0, 24 * HOUR, 10, 100, 24 * HOUR, 13 * HOUR);
    expect(day.rate(13 * HOUR)).toBeCloseTo(100, 9);
    expect(day.rate(HOUR)).toBeCloseTo(10, 9);
    // The piece bounds really bound the rate (sampled densely).
    for (let t = 0; t < 24 * HOUR; t += 61_000) {
      expect(day.pieceBound(t)).toBeGreaterThanOrEqual(day.rate(t) - 1e-9);
      expect(day.pieceBound(t)).toBeGreaterThanOrEqual(day.rate(day.pieceEnd(t) - 1) - 1e-9);
    }
  });
});

describe('thinning draws non-homogeneous Poisson arrivals (counts per interval)', () => {
  it('diurnal: 2 hours of a 1-hour cycle between 2 and 20 per second', () => {
    expectPoissonCounts(new DiurnalRate(0, 2 * HOUR, 2, 20, HOUR, 30 * MIN), 1, 60);
  });

  it('trace: piecewise linear, with silent stretches', () => {
    const trace = new TraceRate([
      [0, 0],
      [MIN, 80],
      [3 * MIN, 80],
      [4 * MIN, 0],
      [5 * MIN, 0],
      [6 * MIN, 200],
      [10 * MIN, 20],
    ]);
    expectPoissonCounts(trace, 2, 50);
  });

  it('spikes multiply the rate while they last (and a dip divides it)', () => {
    const spiked = new SpikedRate(new ConstantRate(0, 10 * MIN, 10), [
      { from: 2 * MIN, to: 3 * MIN, multiplier: 5 },
      { from: 6 * MIN, to: 8 * MIN, multiplier: 0.5 },
    ]);
    expectPoissonCounts(spiked, 3, 30);
    const counts = countArrivals(spiked, 3, 10);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(4);
    expect(counts[6]! / counts[0]!).toBeLessThan(0.7);
  });

  it('a ramp, the same draws as a constant rate when flat', () => {
    expectPoissonCounts(new RampRate(0, 10 * MIN, 1, 40), 4, 40);
    const flat = countArrivals(new RampRate(0, MIN, 10, 10), 5, 6);
    const constant = countArrivals(new ConstantRate(0, MIN, 10), 5, 6);
    expect(flat).toEqual(constant);
  });
});
