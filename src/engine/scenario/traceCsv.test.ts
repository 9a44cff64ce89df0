import { describe, expect, it } from 'vitest';
import { headerUnit, parseTraceCsv, traceProblemText } from './traceCsv.ts';

const problemsOf = (text: string) => {
  const r = parseTraceCsv(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems.map(traceProblemText);
};

describe('trace CSV import', () => {
  it('reads time (ms) and rate per second, with or without a header', () => {
    expect(parseTraceCsv('0,10\n60000,50\n120000,5\n')).toEqual({
      ok: true,
      unit: 'ms',
      points: [
        [0, 10],
        [60_000, 50],
        [120_000, 5],
      ],
    });
    const withHeader = parseTraceCsv('timeMs,ratePerSec\n0,1\n1000,2');
    expect(withHeader.ok && withHeader.points).toEqual([
      [0, 1],
      [1000, 2],
    ]);
  });

  it('takes the time unit from the header, and spreadsheet quirks in its stride', () => {
    const r = parseTraceCsv(
      '\uFEFF"time (s)";"rate"\r\n# night\r\n\r\n0;5\r\n1.5;7;\r\n3600;20\r\n',
    );
    expect(r).toEqual({
      ok: true,
      unit: 's',
      points: [
        [0, 5],
        [1500, 7],
        [3_600_000, 20],
      ],
    });
    expect(headerUnit('timeSec')).toBe('s');
    expect(headerUnit('time_min')).toBe('min');
    expect(headerUnit('hour')).toBe('h');
    expect(headerUnit('t')).toBe('ms');
  });

  it('refuses a bad file, naming the line', () => {
    expect(problemsOf('time,rate\n0,10\n1000,abc\n2000,5')).toEqual([
      'line 3: the rate "abc" is not a number',
    ]);
    expect(problemsOf('0,10\n1000\n')).toEqual([
      'line 2: expected two columns (time, rate per second), found 1',
    ]);
    expect(problemsOf('0,10\n1000,5\n1000,6')).toEqual([
      "line 3: the time 1000 ms must be later than the previous point's (line 2)",
    ]);
    expect(problemsOf('0,10\n1000,-5')).toEqual([
      'line 2: the rate -5 must be between 0 and 10,000,000 per second',
    ]);
    expect(problemsOf('0,1\n5e9,2')[0]).toBe(
      'line 2: the time 5e9 must be between 0 and 1000000000 ms',
    );
    expect(problemsOf('0,10, 3')).toEqual([
      'line 1: expected two columns (time, rate per second), found 3',
    ]);
  });

  it('refuses a file with too little in it', () => {
    expect(problemsOf('')).toEqual([
      'a trace needs at least two points (time, rate per second); found 0',
    ]);
    expect(problemsOf('time,rate\n0,4')).toEqual([
      'a trace needs at least two points (time, rate per second); found 1',
    ]);
    expect(problemsOf('0,0\n10,0')).toEqual(['every rate is 0: the trace would send no requests']);
  });

  it('lists at most ten problems, in line order', () => {
    const text = Array.from({ length: 30 }, (_, i) => `${i},x`).join('\n');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(10);
    expect(problems[0]).toBe('line 1: the rate "x" is not a number');
    expect(problems[9]).toBe('line 10: the rate "x" is not a number');
  });
});
