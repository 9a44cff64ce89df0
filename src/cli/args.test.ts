import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from './args.ts';
import { TEXT_COLUMNS } from './terminalText.ts';
import { DEFAULT_LIMITS } from './runBounds.ts';

describe('command-line arguments', () => {
  it('take the default caps unless told otherwise', () => {
    expect(parseArgs(['classic'])).toEqual({
      source: 'classic',
      json: false,
      seed: null,
      limits: DEFAULT_LIMITS,
      strategyFile: null,
      config: null,
    });
  });

  it('take a strategy file, and refuse the flag without a path', () => {
    const args = parseArgs(['classic', '--strategy-file', 'mine.js']);
    expect('strategyFile' in args && args.strategyFile).toBe('mine.js');
    expect(parseArgs(['classic', '--strategy-file='])).toEqual({
      error: '--strategy-file: give the path of a JavaScript file',
    });
  });

  it('takes --config with a format the page exports, and refuses others', () => {
    expect(parseArgs(['classic', '--config', 'haproxy'])).toMatchObject({ config: 'haproxy' });
    expect(parseArgs(['classic', '--config=envoy'])).toMatchObject({ config: 'envoy' });
    expect(parseArgs(['classic', '--config', 'hpa'])).toMatchObject({ config: 'kubernetes' });
    expect(parseArgs(['classic', '--config', 'kubernetes'])).toMatchObject({
      config: 'kubernetes',
    });
    expect(parseArgs(['classic', '--config', 'apache'])).toEqual({
      error:
        '--config: must be one of nginx, haproxy, envoy, kubernetes (or hpa, the same as ' +
        'kubernetes), got "apache"',
    });
    expect(parseArgs(['classic', '--config', 'toString'])).toHaveProperty('error');
  });

  it('raise the caps, written plainly, with separators or as a power of ten', () => {
    const args = parseArgs(['x.json', '--max-events', '5e8', '--max-requests-held=2_000_000']);
    expect('limits' in args && args.limits).toEqual({
      maxRequestsHeld: 2_000_000,
      maxEvents: 500_000_000,
    });
    const commas = parseArgs(['x.json', '--max-events=1,000']);
    expect('limits' in commas && commas.limits.maxEvents).toBe(1000);
  });

  it('refuse a cap that is not a whole number of at least 1, saying which flag', () => {
    for (const bad of ['0', '-5', '1.5', 'lots', '', 'Infinity', '1e300']) {
      expect(parseArgs(['x.json', `--max-events=${bad}`])).toEqual({
        error: `--max-events: must be a whole number of at least 1 (e.g. 5e6), got ${JSON.stringify(bad)}`,
      });
    }
    expect(parseArgs(['x.json', '--max-requests-held'])).toEqual({
      error: '--max-requests-held: must be a whole number of at least 1 (e.g. 5e6), got nothing',
    });
  });

  it(`keep the usage text within ${TEXT_COLUMNS} columns, as a terminal shows it`, () => {
    const long = USAGE.split('\n').filter((line) => line.length > TEXT_COLUMNS);
    expect(long).toEqual([]);
  });

  it('name both caps and their defaults in the usage text', () => {
    expect(USAGE).toContain('--max-requests-held N');
    expect(USAGE).toContain('default 1,000,000');
    expect(USAGE).toContain('--max-events N');
    expect(USAGE).toContain('100,000,000');
  });
});
