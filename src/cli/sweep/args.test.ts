import { describe, expect, it } from 'vitest';
import { TEXT_COLUMNS } from '../terminalText.ts';
import { parseSweepArgs, USAGE } from './args.ts';

describe('sweep arguments', () => {
  it('a sweep with its options, in any order and either spelling', () => {
    expect(parseSweepArgs(['--workers=3', 'knee.json', '--json', '--shard', '2/5', '-q'])).toEqual({
      command: 'run',
      source: 'knee.json',
      json: true,
      workers: 3,
      shard: { index: 2, count: 5 },
      quiet: true,
    });
    expect(parseSweepArgs(['the-knee'])).toMatchObject({ workers: null, shard: null, json: false });
  });

  it('merge with its parts', () => {
    expect(parseSweepArgs(['merge', 'a.json', 'b.json', '--json'])).toEqual({
      command: 'merge',
      parts: ['a.json', 'b.json'],
      json: true,
    });
  });

  it('says what is wrong', () => {
    const error = (...argv: string[]) => {
      const a = parseSweepArgs(argv);
      return a.command === 'error' ? a.error : null;
    };
    expect(error()).toBe('no sweep given');
    expect(error('a.json', 'b.json')).toBe(
      'only one sweep can be run at a time (got a.json, b.json)',
    );
    expect(error('a.json', '--workers', '0')).toBe(
      '--workers: must be an integer from 1 to 256 (got "0")',
    );
    expect(error('a.json', '--workers')).toBe(
      '--workers: must be an integer from 1 to 256 (got nothing)',
    );
    expect(error('a.json', '--shard', '0/3')).toMatch(/^--shard: must be i\/n with 1 <= i <= n/);
    expect(error('a.json', '--shard=2of3')).toMatch(/\(got "2of3"\)$/);
    expect(error('a.json', '--fast')).toBe('unknown option --fast');
    expect(error('merge')).toBe('merge: no part files given');
    expect(error('merge', 'a.json', '--workers', '2')).toBe(
      'merge takes only part files and --json',
    );
  });
});

describe('the sweep usage text', () => {
  it(`keeps within ${TEXT_COLUMNS} columns, as a terminal shows it`, () => {
    expect(USAGE.split('\n').filter((line) => line.length > TEXT_COLUMNS)).toEqual([]);
  });
});
