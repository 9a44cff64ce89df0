import { describe, expect, it } from 'vitest';
import { FLEET_COLUMNS, FleetSeries, type FleetRow } from './fleetSeries.ts';

const row = (time: number, inPool = 1): FleetRow => ({
  time,
  inPool,
  starting: 0,
  draining: 0,
  metric: 0.5,
  recommended: 1,
  desired: inPool,
  arrivalsPerSec: 10,
});

describe('the fleet series', () => {
  it('keeps the most recent rows, and a row at the time of the last replaces it', () => {
    const s = new FleetSeries(3);
    s.push(row(0));
    s.push(row(10));
    s.push(row(10, 2)); // a change and a sync at the same instant: one row
    expect(s.length).toBe(2);
    expect(s.row(1).inPool).toBe(2);
    s.push(row(20));
    s.push(row(30));
    expect(s.length).toBe(3);
    expect([0, 1, 2].map((i) => s.row(i).time)).toEqual([10, 20, 30]);
  });

  it('copies the rows from a time on, row-major', () => {
    const s = new FleetSeries(4);
    for (const t of [0, 5, 10, 15, 20]) s.push(row(t, t));
    const rows = s.copyFrom(10);
    expect(rows.length).toBe(3 * FLEET_COLUMNS.length);
    expect(rows[0]).toBe(10);
    expect(rows[FLEET_COLUMNS.length + 1]).toBe(15); // inPool of the second row
    expect(s.copyFrom(21).length).toBe(0);
    expect(s.copyFrom().length).toBe(4 * FLEET_COLUMNS.length);
  });
});
