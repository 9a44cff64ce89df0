import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../engine/metrics/eventLog.ts';
import { linesOf, rowAt, rowLength, rowOffsets, rowText } from './logLines.ts';

const entry = (message: string, level: LogEntry['level'] = 'INFO'): LogEntry =>
  ({ timeMs: 412, level, source: 'Server-A', message }) as LogEntry;

describe('log rows as text', () => {
  it('lines the columns up when wide, and drops the padding when narrow', () => {
    const wide = rowText(entry('Request 3 served'), true);
    expect(`${wide.time} | ${wide.level} | ${wide.source} | ${wide.message}`).toBe(
      '   0.412 | INFO      |  Server-A  | Request 3 served',
    );
    const narrow = rowText(entry('Request 3 served', 'ERROR'), false);
    expect(`${narrow.time} | ${narrow.level} | ${narrow.source} | ${narrow.message}`).toBe(
      '0.412 | ✖ ERROR |  Server-A | Request 3 served',
    );
    expect(rowLength(narrow)).toBe(
      `${narrow.time} | ${narrow.level} | ${narrow.source} | ${narrow.message}`.length,
    );
  });

  it('wraps a row over as many whole lines as its characters need', () => {
    expect(linesOf(40, 40)).toBe(1);
    expect(linesOf(41, 40)).toBe(2);
    expect(linesOf(0, 40)).toBe(1);
    expect(linesOf(10, 0)).toBe(10);
  });

  it('places rows of different heights, and finds the row at a height', () => {
    const offsets = rowOffsets([30, 90, 10], 40, 20);
    expect(Array.from(offsets)).toEqual([0, 20, 80, 100]);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 19.9)).toBe(0);
    expect(rowAt(offsets, 20)).toBe(1);
    expect(rowAt(offsets, 79)).toBe(1);
    expect(rowAt(offsets, 80)).toBe(2);
    expect(rowAt(offsets, 500)).toBe(2);
    expect(rowAt(rowOffsets([], 40, 20), 10)).toBe(0);
  });
});
