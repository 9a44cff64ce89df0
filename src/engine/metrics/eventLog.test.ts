import { describe, expect, it } from 'vitest';
import { ERROR, EventLog, formatLogLine, INFO, WARNING, type LogEntry } from './eventLog.ts';
import {
  COMPLETED,
  FAILED_AT,
  HANDLING,
  NO_HEALTHY,
  OVERLOADED,
  QUEUED_AT,
  RETRY_REFUSED,
  RETRYING,
  TIMED_OUT_AFTER,
} from './requestLines.ts';

describe('EventLog', () => {
  it('defaults to 10,000 entries', () => {
    expect(new EventLog().capacity).toBe(10_000);
  });

  it('numbers entries from 0 and returns them oldest first', () => {
    const log = new EventLog(5);
    expect(log.append(1000, 'INFO', 'LoadBalancer', 'started')).toBe(0);
    expect(log.append(1500, 'WARNING', 'Server-B', 'slow')).toBe(1);
    expect(log.total).toBe(2);
    expect(log.size).toBe(2);
    expect(log.entries()).toEqual<LogEntry[]>([
      { seq: 0, timeMs: 1000, level: 'INFO', source: 'LoadBalancer', message: 'started' },
      { seq: 1, timeMs: 1500, level: 'WARNING', source: 'Server-B', message: 'slow' },
    ]);
  });

  it('drops the oldest entries beyond capacity and keeps sequence numbers', () => {
    const log = new EventLog(3);
    for (let i = 0; i < 10; i++) log.append(i, i % 2 ? 'DEBUG' : 'ERROR', `S${i}`, `m${i}`);
    expect(log.total).toBe(10);
    expect(log.size).toBe(3);
    expect(log.oldestSeq).toBe(7);
    const held = log.entries();
    expect(held.map((e) => e.seq)).toEqual([7, 8, 9]);
    expect(held.map((e) => e.message)).toEqual(['m7', 'm8', 'm9']);
    expect(held.map((e) => e.level)).toEqual(['DEBUG', 'ERROR', 'DEBUG']);
    expect(held.map((e) => e.timeMs)).toEqual([7, 8, 9]);
  });

  it('since(seq) returns only what is new and still held', () => {
    const log = new EventLog(4);
    for (let i = 0; i < 3; i++) log.append(i, 'INFO', 'X', `a${i}`);
    let cursor = 0;
    expect(log.since(cursor).map((e) => e.message)).toEqual(['a0', 'a1', 'a2']);
    cursor = log.total;
    expect(log.since(cursor)).toEqual([]);
    for (let i = 0; i < 2; i++) log.append(10 + i, 'INFO', 'X', `b${i}`);
    expect(log.since(cursor).map((e) => e.message)).toEqual(['b0', 'b1']);
    expect(log.since(1).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    // Entries that dropped off are not returned: only the newest 4 are held.
    for (let i = 0; i < 3; i++) log.append(20 + i, 'INFO', 'X', `c${i}`);
    expect(log.since(0).map((e) => e.seq)).toEqual([4, 5, 6, 7]);
    expect(log.since(-5).map((e) => e.seq)).toEqual([4, 5, 6, 7]);
    expect(log.since(6).map((e) => e.seq)).toEqual([6, 7]);
    expect(log.since(100)).toEqual([]);
  });

  it('clear drops entries but sequence numbers carry on', () => {
    const log = new EventLog(4);
    log.append(0, 'INFO', 'X', 'a');
    log.append(0, 'INFO', 'X', 'b');
    log.clear();
    expect(log.size).toBe(0);
    expect(log.entries()).toEqual([]);
    expect(log.total).toBe(2);
    expect(log.append(5, 'ERROR', 'Y', 'c')).toBe(2);
    expect(log.since(0).map((e) => e.message)).toEqual(['c']);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new EventLog(0)).toThrow(RangeError);
  });
});

describe('formatLogLine', () => {
  it('matches the Python demo format with seconds to 3 decimals', () => {
    expect(
      formatLogLine({
        seq: 3,
        timeMs: 12_402.4,
        level: 'INFO',
        source: 'Server-A',
        message: 'Server Server-A handling request 7. Load: 3/3',
      }),
    ).toBe('12.402 | INFO | Server-A | Server Server-A handling request 7. Load: 3/3');
    expect(formatLogLine({ seq: 0, timeMs: 0, level: 'ERROR', source: 'LB', message: 'x' })).toBe(
      '0.000 | ERROR | LB | x',
    );
  });
});

describe('EventLog lines kept as codes', () => {
  it('formats each request line when read, with the name it had when written', () => {
    const clock = { now: 0 };
    const log = new EventLog(20, clock);
    let name = 'Server-A';
    clock.now = 1;
    log.appendCoded(INFO, HANDLING, name, '', 7, 3, 3);
    clock.now = 2;
    log.appendCoded(INFO, COMPLETED, name, '', 7, 2, 3);
    clock.now = 3;
    log.appendCoded(INFO, QUEUED_AT, name, '', 8, 4, 0);
    name = 'Renamed';
    clock.now = 4;
    log.appendCoded(ERROR, NO_HEALTHY, 'LoadBalancer', '', 9, 0, 0);
    clock.now = 5;
    log.appendCoded(ERROR, OVERLOADED, name, '', 10, 0, 0);
    clock.now = 6;
    log.appendCoded(ERROR, FAILED_AT, name, 'the server crashed', 11, 0, 0);
    clock.now = 7;
    log.appendCoded(WARNING, TIMED_OUT_AFTER, 'Client', '', 12, 1000, 0);
    clock.now = 8;
    log.appendCoded(INFO, RETRYING, 'LoadBalancer', '', 12, 2, 37);
    clock.now = 9;
    log.appendCoded(WARNING, RETRY_REFUSED, 'LoadBalancer', '', 13, 0, 0);
    log.append(10, 'INFO', 'Cache', 'plain text stays as written');
    expect(log.entries().map((e) => `${e.level} | ${e.source} | ${e.message}`)).toEqual([
      'INFO | Server-A | Server Server-A handling request 7. Load: 3/3',
      'INFO | Server-A | Server Server-A completed request 7. Load: 2/3',
      'INFO | Server-A | Request 8 queued at Server-A (4 waiting)',
      'ERROR | LoadBalancer | Request 9 failed: No healthy servers available!',
      'ERROR | Renamed | Request 10 failed: Renamed is overloaded!',
      'ERROR | Renamed | Request 11 failed at Renamed: the server crashed',
      'WARNING | Client | Request 12 timed out after 1000 ms',
      'INFO | LoadBalancer | Retrying request 12 (attempt 2) in 37 ms',
      'WARNING | LoadBalancer | Retry of request 13 refused: budget spent',
      'INFO | Cache | plain text stays as written',
    ]);
    // Coded lines take the clock's time when written.
    expect(log.entries().map((e) => e.timeMs)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('EventLog server lines', () => {
  /** A pool's names as the log reads them (ServerPool bumps `version` on every such change). */
  function servers(...names: string[]) {
    return { names, version: 1 };
  }
  const texts = (log: EventLog) => log.entries().map((e) => `${e.source} | ${e.message}`);

  it('names each line as the server was named when it was written', () => {
    const clock = { now: 0 };
    const log = new EventLog(20, clock);
    const pool = servers('A', 'B');
    log.nameServersFrom(pool);
    clock.now = 1;
    log.serverLine(HANDLING, 1, 7, 1, 2);
    log.serverLine(QUEUED_AT, 0, 8, 3, 0);
    pool.names[1] = 'B2';
    pool.version++;
    clock.now = 2;
    log.serverLine(COMPLETED, 1, 7, 0, 2);
    log.appendCoded(ERROR, OVERLOADED, 'B2', '', 9, 0, 0);
    pool.names.push('C');
    pool.version++;
    log.serverLine(HANDLING, 2, 10, 1, 1);
    log.serverLine(HANDLING, 0, 11, 1, 4);
    expect(texts(log)).toEqual([
      'B | Server B handling request 7. Load: 1/2',
      'A | Request 8 queued at A (3 waiting)',
      'B2 | Server B2 completed request 7. Load: 0/2',
      'B2 | Request 9 failed: B2 is overloaded!',
      'C | Server C handling request 10. Load: 1/1',
      'A | Server A handling request 11. Load: 1/4',
    ]);
    expect(log.entries().map((e) => [e.seq, e.timeMs, e.level])).toEqual([
      [0, 1, 'INFO'],
      [1, 1, 'INFO'],
      [2, 2, 'INFO'],
      [3, 2, 'ERROR'],
      [4, 2, 'INFO'],
      [5, 2, 'INFO'],
    ]);
  });

  it('keeps its table of names bounded when every new server has a new name', () => {
    const log = new EventLog(5);
    const pool = servers('A');
    log.nameServersFrom(pool);
    // As an autoscaler that names each server afresh: a thousand names, one line each, and a text
    // line from a new source every third. After every step the held lines (renumbered each time
    // the table fills) read as written.
    const written: string[] = [];
    let most = 0;
    for (let i = 1; i <= 1000; i++) {
      pool.names[0] = `Auto-${i}`;
      pool.version++;
      log.serverLine(HANDLING, 0, i, 1, 1);
      written.push(`Auto-${i} | Server Auto-${i} handling request ${i}. Load: 1/1`);
      if (i % 3 === 0) {
        log.append(i, 'WARNING', `Text-${i}`, `line ${i}`);
        written.push(`Text-${i} | line ${i}`);
      }
      expect(texts(log)).toEqual(written.slice(-5));
      most = Math.max(most, log.sourceNames);
    }
    // LogSources' limit for this log is 2 × capacity + 64 names.
    expect(most).toBe(2 * 5 + 64);
    expect(log.entries().map((e) => e.seq)).toEqual([1328, 1329, 1330, 1331, 1332]);
  });

  it('starts its names again when cleared, and lines after it read right', () => {
    const log = new EventLog(4);
    const pool = servers('A', 'B');
    log.nameServersFrom(pool);
    log.serverLine(HANDLING, 1, 1, 1, 1);
    log.clear();
    expect(log.sourceNames).toBe(0);
    log.serverLine(COMPLETED, 1, 1, 0, 1);
    log.serverLine(HANDLING, 0, 2, 1, 1);
    expect(texts(log)).toEqual([
      'B | Server B completed request 1. Load: 0/1',
      'A | Server A handling request 2. Load: 1/1',
    ]);
  });
});
