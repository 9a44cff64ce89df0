import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ringBuffer.ts';
import { SampleTable } from './sampleTable.ts';

describe('SampleTable', () => {
  it('reads each column as a ring buffer of the same values would', () => {
    const table = new SampleTable(4, 2, (n) => new Float64Array(n));
    const rings = [new RingBuffer(4), new RingBuffer(4)];
    const cols = [table.column(0), table.column(1)];
    for (let k = 0; k < 11; k++) {
      const at = table.nextRow();
      table.data[at] = k;
      table.data[at + 1] = k * k;
      rings[0]!.push(k);
      rings[1]!.push(k * k);
      for (const c of [0, 1]) {
        expect(cols[c]!.toArray()).toEqual(rings[c]!.toArray());
        expect(cols[c]!.last()).toBe(rings[c]!.last());
        const a = new Float64Array(3);
        const b = new Float64Array(3);
        expect(cols[c]!.copyTo(a)).toBe(rings[c]!.copyTo(b));
        expect(a).toEqual(b);
      }
    }
    expect(() => cols[0]!.get(4)).toThrow(RangeError);
  });

  it('widening keeps what was held and reads 0 in the new columns', () => {
    const table = new SampleTable(3, 1, (n) => new Int32Array(n));
    for (const v of [7, 8]) table.data[table.nextRow()] = v;
    table.widen(2);
    table.data.set([9, 4], table.nextRow());
    expect(table.column(0).toArray()).toEqual([7, 8, 9]);
    expect(table.column(1).toArray()).toEqual([0, 0, 4]);
  });

  it('computes a late column only for the rows read', () => {
    const resolved: number[] = [];
    const table: SampleTable = new SampleTable(
      3,
      1,
      (n) => new Float64Array(n),
      (row) => {
        resolved.push(row);
        table.data[row] = 100 + row;
      },
    );
    for (let k = 0; k < 5; k++) table.pending[table.nextRow()] = 1;
    // Rows 0 and 1 were overwritten unread; the three held are computed once each, when read.
    expect(table.column(0).get(2)).toBe(101);
    expect(table.column(0).toArray()).toEqual([102, 100, 101]);
    expect(table.column(0).toArray()).toEqual([102, 100, 101]);
    expect(resolved).toEqual([1, 2, 0]);
  });
});
