import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_BASE, smallSweep } from '../../engine/sweep/testing/planOf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sweep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Runs `npm run sweep -- …` as the script does (stderr is a pipe here, not a terminal). */
function sweep(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sweep.ts', ...args],
      { encoding: 'utf8' },
      (error, out, err) => resolve({ code: error === null ? 0 : Number(error.code), out, err }),
    );
  });
}

const small = file(
  'small.json',
  smallSweep({ replications: 2, vary: { field: 'load', values: [0.4, 0.8] } }),
);

describe('npm run sweep', () => {
  it('prints a table, with the interval explained, and progress as plain lines off a terminal', async () => {
    const { code, out, err } = await sweep(small, '--workers', '2');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Four queues by load · base Four queues · load at 2 values · 3 strategies · 2 replications per point/,
    );
    expect(out).toMatch(/\nrandom\s+0\.4\s/);
    expect(out).toMatch(/\nleast-connections\s+0\.8\s/);
    expect(out).toContain("Student's t, 1 degree of freedom: t = 12.706");
    expect(out).toMatch(
      /\nknee \(load where mean latency is twice its value at load 0\.4\): random 0\.\d\d, power-of-two-choices (0\.\d\d|not reached up to 0\.8), least-connections /,
    );
    expect(err).toMatch(/^sweep: 0% · 0\/6 points · 0\/12 runs/);
    expect(err).toMatch(/\nsweep: 12 runs in [\d.]+ s on 2 threads\n$/);
    expect(err).not.toContain('\r');
  });

  it('--json with shards, merged, is byte for byte the whole run; --quiet says nothing', async () => {
    // The whole run and three shards at once (they are independent processes).
    const [whole, ...parts] = await Promise.all([
      sweep(small, '--json', '--workers', '1', '--quiet'),
      ...[1, 2, 3].map((i) =>
        sweep(small, '--json', '--shard', `${i}/3`, '--workers', '1', '--quiet'),
      ),
    ]);
    expect(whole!.code).toBe(0);
    expect(whole!.err).toBe('');
    const saved = parts.map((part, i) => {
      expect(part.code).toBe(0);
      return file(`part${i + 1}.json`, part.out);
    });
    const [merged, missing] = await Promise.all([
      sweep('merge', saved[2]!, saved[0]!, saved[1]!, '--json'),
      sweep('merge', saved[0]!, saved[2]!),
    ]);
    expect(merged!.code).toBe(0);
    expect(merged!.out).toBe(whole!.out);
    expect(missing!.code).toBe(2);
    expect(missing!.err).toBe('merge: the parts do not make one sweep\n  shard 2/3 is missing\n');
  });

  it('exits 2 naming every problem of a bad sweep by path', async () => {
    const bad = file('bad.json', {
      base: 'steady-poisson',
      vary: { field: 'capacity', values: [0, 'x'] },
      replications: 0,
    });
    const [run, broken, nowhere, usage] = await Promise.all([
      sweep(bad),
      sweep(file('broken.json', '{"base": ')),
      sweep(join(dir, 'nowhere.json')),
      sweep(small, '--shard', '4/3'),
    ]);
    expect(run!.code).toBe(2);
    expect(run!.out).toBe('');
    expect(run!.err).toBe(
      [
        `${bad}: invalid sweep (3 problems)`,
        '  vary.values[1]: must be a number (got "x")',
        '  replications: must be an integer >= 1',
        '  durationMs: is required: the measured simulated time of each run in ms (or `requests`, a count of arrivals)',
        '',
      ].join('\n'),
    );
    expect(broken!.code).toBe(2);
    expect(broken!.err).toMatch(/broken\.json: is not valid JSON/);
    expect(nowhere!.err).toMatch(
      /nowhere\.json: no such file, and not a built-in sweep \(the-knee, how-many-servers, cache-size\)/,
    );
    expect(usage!.code).toBe(2);
    expect(usage!.err).toMatch(/^--shard: must be i\/n with 1 <= i <= n, e.g. 2\/3 \(got "4\/3"\)/);
  });

  it('reads a base scenario file named relative to the sweep file', async () => {
    file('four-queues.json', SMALL_BASE);
    const byFile = file('by-file.json', {
      ...smallSweep(),
      base: 'four-queues.json',
      replications: 1,
    });
    const inline = file('inline.json', { ...smallSweep(), replications: 1 });
    const missing = file('missing.json', { ...smallSweep(), base: 'sub/none.json' });
    const [a, b, c] = await Promise.all([
      sweep(byFile, '--json', '--workers', '1', '--quiet'),
      sweep(inline, '--json', '--workers', '1', '--quiet'),
      sweep(missing),
    ]);
    expect(a!.code).toBe(0);
    expect(a!.out).toBe(b!.out);
    expect(c!.code).toBe(2);
    expect(c!.err).toBe(
      `${missing}: invalid sweep (1 problem)\n  base: sub/none.json is not a preset, and as a scenario file it does not exist\n`,
    );
  });

  it('lists the built-in sweeps', async () => {
    const { code, out } = await sweep('--list');
    expect(code).toBe(0);
    expect(
      out
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith(' ')) // a description's further lines are indented
        .map((l) => l.split(' ')[0]),
    ).toEqual(['the-knee', 'how-many-servers', 'cache-size']);
  });
});
