/*
 * The hash functions every hashing strategy shares, so modulo hashing, the consistent-hash ring
 * and Maglev all see a key at the same 32-bit hash and differ only in how they map it to a server.
 */

// MurmurHash3 x86_32 (Austin Appleby), on 32-bit words. Its finalizer spreads small consecutive
// integers, such as key ids and replica indexes, evenly over the whole 32-bit range.
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

/** One MurmurHash3 block step: folds the 32-bit word `k` into the running hash `h`. */
export function mixH(h: number, k: number): number {
  h ^= mixK(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's 32-bit finalizer; returns an unsigned 32-bit integer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3 of a string's UTF-16 code units, two to a 32-bit block. */
export function hashString(s: string, seed = 0): number {
  let h = seed | 0;
  const n = s.length;
  let i = 0;
  for (; i + 1 < n; i += 2) h = mixH(h, s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < n) h ^= mixK(s.charCodeAt(i));
  return fmix32(h ^ (n * 2));
}

/** A request key's 32-bit hash; keys beyond 32 bits use their high word too. */
export function hashKey(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) >>> 0;
  return fmix32(mixH(mixH(0x5bd1e995, lo), hi) ^ 8);
}
