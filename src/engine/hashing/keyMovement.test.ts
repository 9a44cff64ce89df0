import { describe, expect, it } from 'vitest';
import { ConsistentHashStrategy } from '../strategies/consistentHash.ts';
import { FakePool } from '../testing/fakePool.ts';
import { zipfProbabilities } from '../theory.ts';
import { EXACT_KEY_LIMIT, HASH_METHODS, isHashMethod, keysHeld, keysMoved } from './keyMovement.ts';
import { zipfTailWeight } from './zipfTail.ts';

function servers(n: number) {
  return Array.from({ length: n }, (_, i) => ({ name: `Server-${i}`, weight: 1 }));
}

const TEN = servers(10);
const NINE = TEN.slice(0, 9);
const ELEVEN = servers(11);
const UNIFORM = { count: 100_000, zipf: 0 };

describe('keysMoved', () => {
  it('removing one of 10 servers: modulo moves about 9/10, consistent hash and Maglev about 1/10', () => {
    const modulo = keysMoved('modulo-hash', {}, TEN, NINE, UNIFORM);
    const ring = keysMoved('consistent-hash', {}, TEN, NINE, UNIFORM);
    const maglev = keysMoved('maglev', {}, TEN, NINE, UNIFORM);
    expect(modulo.keyShare).toBeCloseTo(0.9, 1);
    expect(Math.abs(modulo.keyShare - 0.9)).toBeLessThan(0.01);
    expect(ring.keyShare).toBeGreaterThan(0.07);
    expect(ring.keyShare).toBeLessThan(0.13);
    expect(Math.abs(maglev.keyShare - 0.1)).toBeLessThan(0.02);
    // With uniform popularity a key's share of traffic is its share of keys.
    for (const m of [modulo, ring, maglev]) expect(m.trafficShare).toBeCloseTo(m.keyShare, 12);
  });

  it('adding an 11th server: modulo moves about 10/11, the others about 1/11', () => {
    const modulo = keysMoved('modulo-hash', {}, TEN, ELEVEN, UNIFORM);
    expect(Math.abs(modulo.keyShare - 10 / 11)).toBeLessThan(0.01);
    const ring = keysMoved('consistent-hash', {}, TEN, ELEVEN, UNIFORM);
    expect(ring.keyShare).toBeGreaterThan(0.06);
    expect(ring.keyShare).toBeLessThan(0.12);
    expect(Math.abs(keysMoved('maglev', {}, TEN, ELEVEN, UNIFORM).keyShare - 1 / 11)).toBeLessThan(
      0.02,
    );
  });

  it("matches the consistent-hash strategy's own placement, key by key", () => {
    const keys = { count: 5000, zipf: 0 };
    const pool = new FakePool(TEN.map((s) => ({ name: s.name, capacity: 1 })));
    const ch = new ConsistentHashStrategy({ virtualNodes: 20 });
    let owned = 0;
    for (let k = 0; k < keys.count; k++) if (ch.ownerOf(pool, k) === 3) owned++;
    const without = TEN.filter((_, i) => i !== 3);
    // Only the removed server's keys move, so the share is exactly its share.
    expect(keysMoved('consistent-hash', { virtualNodes: 20 }, TEN, without, keys).keyShare).toBe(
      owned / keys.count,
    );
  });

  it('weights moved keys by Zipf popularity for the traffic share', () => {
    const keys = { count: 2000, zipf: 1.1 };
    const p = zipfProbabilities(keys.count, keys.zipf);
    const pool = new FakePool(TEN.map((s) => ({ name: s.name, capacity: 1 })));
    const ch = new ConsistentHashStrategy();
    let traffic = 0;
    let count = 0;
    for (let k = 0; k < keys.count; k++) {
      if (ch.ownerOf(pool, k) === 9) {
        traffic += p[k]!;
        count++;
      }
    }
    const moved = keysMoved('consistent-hash', {}, TEN, NINE, keys);
    expect(moved.keyShare).toBe(count / keys.count);
    expect(moved.trafficShare).toBeCloseTo(traffic, 12);
    expect(moved.trafficShare).not.toBeCloseTo(moved.keyShare, 3);
  });

  it('estimates large key spaces from a deterministic sample, close to the full count', () => {
    const keys = { count: 1_000_000, zipf: 0.8 };
    expect(keys.count).toBeGreaterThan(EXACT_KEY_LIMIT);
    const estimate = keysMoved('consistent-hash', {}, TEN, NINE, keys);
    expect(keysMoved('consistent-hash', {}, TEN, NINE, keys)).toEqual(estimate);
    // The whole key space, key by key.
    const p = zipfProbabilities(keys.count, keys.zipf);
    const pool = new FakePool(TEN.map((s) => ({ name: s.name, capacity: 1 })));
    const ch = new ConsistentHashStrategy();
    let traffic = 0;
    let count = 0;
    for (let k = 0; k < keys.count; k++) {
      if (ch.ownerOf(pool, k) === 9) {
        traffic += p[k]!;
        count++;
      }
    }
    expect(Math.abs(estimate.keyShare - count / keys.count)).toBeLessThan(0.005);
    expect(Math.abs(estimate.trafficShare - traffic)).toBeLessThan(0.005);
  });

  it('moves nothing when nothing changes, and everything when every server goes', () => {
    for (const m of HASH_METHODS) {
      expect(keysMoved(m, {}, TEN, TEN, UNIFORM)).toEqual({ keyShare: 0, trafficShare: 0 });
      expect(keysMoved(m, {}, TEN, [], UNIFORM)).toEqual({ keyShare: 1, trafficShare: 1 });
    }
    expect(keysMoved('maglev', {}, [], [], UNIFORM)).toEqual({ keyShare: 0, trafficShare: 0 });
  });

  it('identifies servers by name, not by position', () => {
    const reordered = [...TEN].reverse();
    expect(keysMoved('consistent-hash', {}, TEN, reordered, UNIFORM).keyShare).toBe(0);
    expect(keysMoved('maglev', {}, TEN, reordered, UNIFORM).keyShare).toBe(0);
    // Modulo counts positions in the list, so reordering moves keys: that is its nature.
    expect(keysMoved('modulo-hash', {}, TEN, reordered, UNIFORM).keyShare).toBeGreaterThan(0.8);
  });
});

describe('keysHeld', () => {
  const THREE = servers(3);
  const keys = { count: 1000, zipf: 1 };

  it('is the least a change can move: consistent hashing moves exactly the removed server’s keys', () => {
    for (const m of HASH_METHODS) {
      const held = keysHeld(m, {}, THREE, 'Server-2', keys);
      const moved = keysMoved(m, {}, THREE, THREE.slice(0, 2), keys);
      expect(moved.keyShare).toBeGreaterThanOrEqual(held.keyShare);
      if (m === 'consistent-hash') expect(moved).toEqual(held);
    }
    // Adding: at least the keys the newcomer takes.
    const four = servers(4);
    for (const m of HASH_METHODS) {
      const held = keysHeld(m, {}, four, 'Server-3', keys);
      expect(keysMoved(m, {}, THREE, four, keys).keyShare).toBeGreaterThanOrEqual(held.keyShare);
    }
  });

  it('splits every key among the servers, unevenly on a ring (not exactly 1/n each)', () => {
    for (const m of HASH_METHODS) {
      const shares = THREE.map((s) => keysHeld(m, {}, THREE, s.name, keys));
      expect(shares.reduce((a, h) => a + h.keyShare, 0)).toBeCloseTo(1, 12);
      expect(shares.reduce((a, h) => a + h.trafficShare, 0)).toBeCloseTo(1, 12);
    }
    const ring = keysHeld('consistent-hash', {}, THREE, 'Server-2', keys).keyShare;
    expect(ring).not.toBeCloseTo(1 / 3, 3);
    expect(keysHeld('maglev', {}, THREE, 'nobody', keys)).toEqual({ keyShare: 0, trafficShare: 0 });
  });
});

describe('isHashMethod', () => {
  it('knows the three hashing strategies', () => {
    expect(HASH_METHODS.every(isHashMethod)).toBe(true);
    expect(isHashMethod('round-robin')).toBe(false);
  });
});

describe('zipfTailWeight', () => {
  it('approximates the sum of (k+1)^-s over a stretch of keys', () => {
    for (const s of [0, 0.5, 1, 1.5]) {
      let sum = 0;
      for (let k = 100_000; k < 100_500; k++) sum += Math.pow(k + 1, -s);
      expect(zipfTailWeight(100_000, 100_500, s) / sum).toBeCloseTo(1, 9);
    }
    expect(zipfTailWeight(5, 5, 1)).toBe(0);
  });
});
