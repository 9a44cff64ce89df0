import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RingBuffer } from './ringBuffer.ts';

describe('RingBuffer', () => {
  it('starts empty', () => {
    const r = new RingBuffer(3);
    expect(r.capacity).toBe(3);
    expect(r.length).toBe(0);
    expect(r.last()).toBeUndefined();
    expect(r.toArray()).toEqual([]);
    expect(r.copyTo(new Float64Array(3))).toBe(0);
    expect(() => r.get(0)).toThrow(RangeError);
  });

  it('keeps the newest values oldest-first across wrap-around', () => {
    const r = new RingBuffer(4);
    for (let v = 1; v <= 3; v++) r.push(v);
    expect(r.toArray()).toEqual([1, 2, 3]);
    for (let v = 4; v <= 10; v++) r.push(v);
    expect(r.length).toBe(4);
    expect(r.toArray()).toEqual([7, 8, 9, 10]);
    expect(r.get(0)).toBe(7);
    expect(r.get(3)).toBe(10);
    expect(r.last()).toBe(10);
    expect(() => r.get(4)).toThrow(RangeError);
    expect(() => r.get(-1)).toThrow(RangeError);

    const out = new Float64Array(6).fill(-1);
    expect(r.copyTo(out)).toBe(4);
    expect(Array.from(out)).toEqual([7, 8, 9, 10, -1, -1]);

    const short = new Float64Array(3);
    expect(r.copyTo(short)).toBe(3);
    expect(Array.from(short)).toEqual([8, 9, 10]);
  });

  it('clear empties it and pushing starts over', () => {
    const r = new RingBuffer(2);
    r.push(1);
    r.push(2);
    r.push(3);
    r.clear();
    expect(r.length).toBe(0);
    expect(r.last()).toBeUndefined();
    r.push(9);
    expect(r.toArray()).toEqual([9]);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2.5)).toThrow(RangeError);
  });

  it('property: matches the last `capacity` elements of a plain array', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.double({ noNaN: true }), { maxLength: 100 }),
        fc.integer({ min: 0, max: 25 }),
        (capacity, values, targetLength) => {
          const r = new RingBuffer(capacity);
          for (const v of values) r.push(v);
          const expected = values.slice(Math.max(0, values.length - capacity));
          expect(r.length).toBe(expected.length);
          expect(r.toArray()).toEqual(expected);
          for (let i = 0; i < expected.length; i++) expect(r.get(i)).toBe(expected[i]);
          expect(r.last()).toBe(expected[expected.length - 1]);
          const target = new Float64Array(targetLength);
          const n = r.copyTo(target);
          const tail = expected.slice(Math.max(0, expected.length - targetLength));
          expect(n).toBe(tail.length);
          expect(Array.from(target.subarray(0, n))).toEqual(tail);
        },
      ),
    );
  });
});
