/*
 * Which keys the key-movement figures look at: every key of a small key space, or a fixed,
 * deterministic sample of a large one, each with the number of keys and the share of traffic it
 * stands for.
 */
import { hashKey } from '../strategies/keyHash.ts';
import { zipfProbabilities } from '../theory.ts';
import { zipfTailWeight } from './zipfTail.ts';

/** Key spaces up to this size are counted key by key. */
export const EXACT_KEY_LIMIT = 200_000;
/** Beyond it: this many most popular keys exactly, plus as many evenly spaced tail samples. */
const HEAD_KEYS = 100_000;
const TAIL_SAMPLES = 100_000;

/** The keys looked at, each with how many keys and what share of traffic it stands for. */
export interface KeySample {
  readonly count: number;
  readonly zipf: number;
  readonly hashes: Uint32Array;
  readonly keyWeight: Float64Array;
  readonly trafficWeight: Float64Array;
}

let lastSample: KeySample | null = null;

/** The keys to look at for a key space (the last one is kept: the page asks six times in a row). */
export function keySample(count: number, zipf: number): KeySample {
  if (lastSample !== null && lastSample.count === count && lastSample.zipf === zipf) {
    return lastSample;
  }
  const sample = count <= EXACT_KEY_LIMIT ? exactSample(count, zipf) : sampled(count, zipf);
  lastSample = sample;
  return sample;
}

function exactSample(count: number, zipf: number): KeySample {
  const hashes = new Uint32Array(count);
  for (let k = 0; k < count; k++) hashes[k] = hashKey(k);
  const keyWeight = new Float64Array(count).fill(1);
  return { count, zipf, hashes, keyWeight, trafficWeight: zipfProbabilities(count, zipf) };
}

function sampled(count: number, zipf: number): KeySample {
  const n = HEAD_KEYS + TAIL_SAMPLES;
  const hashes = new Uint32Array(n);
  const keyWeight = new Float64Array(n);
  const trafficWeight = new Float64Array(n);
  for (let k = 0; k < HEAD_KEYS; k++) {
    hashes[k] = hashKey(k);
    keyWeight[k] = 1;
    // Unnormalized: key k is requested in proportion to 1/(k+1)^zipf.
    trafficWeight[k] = Math.pow(k + 1, -zipf);
  }
  const tail = count - HEAD_KEYS;
  for (let i = 0; i < TAIL_SAMPLES; i++) {
    const from = HEAD_KEYS + Math.floor((i * tail) / TAIL_SAMPLES);
    const to = HEAD_KEYS + Math.floor(((i + 1) * tail) / TAIL_SAMPLES);
    const j = HEAD_KEYS + i;
    hashes[j] = hashKey(from + Math.floor((to - from) / 2));
    keyWeight[j] = to - from;
    trafficWeight[j] = zipfTailWeight(from, to, zipf);
  }
  return { count, zipf, hashes, keyWeight, trafficWeight };
}
