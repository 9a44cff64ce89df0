import { describe, expect, it } from 'vitest';
import { IN_SERVICE, NOWHERE, QUEUED, RequestTable } from './requestTable.ts';

const request = Float64Array.of(7, 100, 3, 250); // id, arrival, key, service ms

describe('RequestTable', () => {
  it('hands back a released row as new: nowhere, waited for, no references', () => {
    const table = new RequestTable();
    const rows = Array.from({ length: 100 }, () => table.allocate(request, 1, 0, 0, 100));
    // Rows end in each way the simulation ends them: released outright, or once done.
    for (const [i, r] of rows.entries()) {
      table.phase[r] = i % 2 === 0 ? IN_SERVICE : QUEUED;
      table.refs[r] = 1;
      if (i % 3 === 0) table.release(r);
      else {
        table.refs[r] = 0;
        table.waiting[r] = 0;
        table.phase[r] = NOWHERE;
        expect(table.releaseIfDone(r)).toBe(true);
      }
    }
    expect(table.size).toBe(0);
    for (let i = 0; i < 100; i++) {
      const r = table.allocate(request, 2, 1, 0, 200);
      expect([table.phase[r], table.waiting[r], table.slot[r], table.attempt[r]]).toEqual([
        NOWHERE,
        1,
        2,
        1,
      ]);
    }
  });

  it('keeps a row while anything refers to it', () => {
    const table = new RequestTable();
    const r = table.allocate(request, 0, 0, 0, 0);
    table.waiting[r] = 0;
    table.phase[r] = IN_SERVICE;
    expect(table.releaseIfDone(r)).toBe(false);
    table.phase[r] = NOWHERE;
    table.refs[r] = 1;
    expect(table.releaseIfDone(r)).toBe(false);
    table.refs[r] = 0;
    expect(table.releaseIfDone(r)).toBe(true);
    expect(table.size).toBe(0);
  });
});
