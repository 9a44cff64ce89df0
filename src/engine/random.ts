/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018), 32-bit state words so it
 * is exact and fast in JavaScript, seeded through splitmix32. Every random draw in the simulation
 * comes from an Rng built here, so a scenario and seed give the same run in Node and the browser.
 */

/** A source of uniform random numbers. */
export interface Rng {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128** generator. */
export class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.s0 = mix();
    this.s1 = mix();
    this.s2 = mix();
    this.s3 = mix();
    // An all-zero state would stay zero forever.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next raw 32-bit unsigned output. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Independent streams derived from one seed, one per purpose, so that changing the strategy does
 * not shift the arrivals, keys or service times another run draws (common random numbers).
 */
export type StreamName =
  | 'arrivals'
  | 'keys'
  | 'service'
  | 'strategy'
  | 'faults'
  // Overload control: each mechanism that draws has its own, so runs without it are unchanged.
  | 'clients'
  | 'hedge'
  | 'throttle'
  | 'limiter';

const STREAM_SALT: Record<StreamName, number> = {
  arrivals: 0x1b873593,
  keys: 0x27d4eb2f,
  service: 0x165667b1,
  strategy: 0x61c88647,
  faults: 0x7f4a7c15,
  clients: 0x2545f491,
  hedge: 0x4cf5ad43,
  throttle: 0x68e31da4,
  limiter: 0x1b56c4e9,
};

/** The generator for one purpose of a run with this seed. */
export function streamRng(seed: number, stream: StreamName): Xoshiro128 {
  return new Xoshiro128(Math.imul(seed >>> 0, 0x9e3779b1) ^ STREAM_SALT[stream]);
}
