/**
 * The real command, spawned as `npm run sim` runs it, for what only a process shows: exit status,
 * what reaches stdout and stderr, closed pipes and endless input. Each case is decided by the
 * input, never by timing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/cli/sim.ts'];
const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function sim(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI with its stdout closed by the reader as soon as `closeAfter` bytes arrived. */
function simWithClosedPipe(args: string[], closeAfter: number) {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT });
  let received = 0;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (closeAfter === 0) child.stdout.destroy();
  else
    child.stdout.on('data', (d: Buffer) => {
      received += d.length;
      if (received >= closeAfter) child.stdout.destroy();
    });
  return new Promise<{ status: number | null; stderr: string; received: number }>((resolve) =>
    child.on('close', (status) => resolve({ status, stderr, received })),
  );
}

/** Characters a terminal acts on rather than shows (newlines aside, which lay text out). */
const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex -- what the test looks for
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const ONE_MB = /at most 1\.0 MB \(1,048,576 bytes\), the limit of the scenario format\.\n$/;

describe('npm run sim: input is read up to 1 MB', () => {
  it('refuses /dev/zero after 1 MB', () => {
    const r = sim(['/dev/zero']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: expect.stringMatching(ONE_MB) });
    expect(r.stderr).toMatch(/^\/dev\/zero is more than 1\.0 MB; scenario files may be/);
  });

  it('refuses endless standard input: yes | npm run sim -- -', () => {
    const r = spawnSync('sh', ['-c', `yes | "${process.execPath}" ${CLI.join(' ')} -`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Standard input is more than 1\.0 MB; scenario files may be/);
    expect(r.stderr).toMatch(ONE_MB);
  });

  it('refuses a file over 1 MB from its size', () => {
    const big = file('big.json', `{"name": "${'x'.repeat(1_200_000)}"}`);
    expect(sim([big])).toEqual({
      status: 2,
      stdout: '',
      stderr: expect.stringMatching(/ is 1\.1 MB; scenario files may be at most 1\.0 MB/),
    });
  });

  it('accepts a UTF-8 byte order mark, in a file and on standard input', () => {
    const text = '\ufeff{"name": "Saved by Notepad", "seed": 9}';
    const fromFile = sim([file('bom.json', text), '--json']);
    const fromStdin = sim(['-', '--json'], text);
    for (const r of [fromFile, fromStdin]) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ name: 'Saved by Notepad', seed: 9 });
    }
  });
});

describe('npm run sim: runs are capped', () => {
  it('refuses a rate of 10^7/s for 10^9 ms before running it', () => {
    const r = sim([file('rate.json', { traffic: [{ from: 0, to: 1e9, ratePerSec: 1e7 }] })]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /rate\.json: not run: its traffic sends about 10,000,000,000,000 requests .* over the cap of 100,000,000 events\. Raise it with --max-events N/,
    );
  });

  it('refuses 1000 bursts of 10^6, and with the event cap raised stops at the held cap', () => {
    const bursts = file('bursts.json', {
      servers: [{ name: 'a', capacity: 3, queueLimit: null }],
      traffic: Array.from({ length: 1000 }, (_, i) => ({ at: i * 1000, burst: 1_000_000 })),
    });
    const refused = sim([bursts]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/about 1,000,000,000 requests .* --max-events N/);
    const raised = sim([bursts, '--max-events', '1e10', '--max-requests-held', '1000']);
    expect(raised.status).toBe(2);
    expect(raised.stdout).toBe('');
    expect(raised.stderr).toMatch(
      // The burst arrives in slices of 256 and the cap is checked after each: 4 slices, 3 of
      // the 1,024 requests in service.
      /^.*bursts\.json: stopped at 0\.000 s simulated: 1,024 requests held at once \(1,021 of them queued\), over the cap of 1,000\. .*--max-requests-held N/,
    );
  });

  it('stops a queue that grows without end, naming the cap and its flag', () => {
    const queue = file('queue.json', {
      servers: [{ name: 'slow', capacity: 1, queueLimit: null }],
      service: { distribution: 'constant', ms: 1000 },
      cache: { placement: 'off' }, // every request needs the server's second
      traffic: [{ from: 0, to: 1e9, ratePerSec: 2 }],
    });
    const r = sim([queue, '--max-requests-held=500']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /requests held at once \(500 of them queued\), over the cap of 500\. Most wait in queues, .* queueLimit \(null: without end\)/,
    );
  });

  it('stops after the events cap, and refuses a bad cap with the usage', () => {
    const r = sim(['classic', '--max-events', '5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^classic: not run: its traffic sends about 10 requests/);
    // About 1,100 requests (2,212 events): the traffic alone fits, the whole run does not.
    const steady = sim(['steady-poisson', '--max-events', '1500']);
    expect(steady.status).toBe(2);
    expect(steady.stderr).toMatch(
      /^steady-poisson: stopped at \d+\.\d{3} s simulated after 1,501 events, over the cap of 1,500/,
    );
    const bad = sim(['classic', '--max-events', '-1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--max-events: must be a whole number of at least 1 .*\n\nUsage:/);
  });
});

describe('npm run sim: output', () => {
  const HOSTILE = ['\u001b[2J\u001b[Hgone', 'ok\r\nforged  9  0', 'csi\u009b31m', 'rtl\u202eevil'];
  const names = file('names.json', {
    name: '\u001b]0;title\u0007demo',
    servers: HOSTILE.map((name) => ({ name, capacity: 1 })),
    traffic: [{ at: 0, burst: 4 }],
  });

  it('escapes control characters in names in the table', () => {
    const r = sim([names]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\\x1b\]0;title\\x07demo · round-robin/);
    // One row per server, each starting with its escaped name, all as wide as the header.
    const rows = lines.slice(-4);
    expect(rows.map((l) => l.slice(0, 24).trimEnd())).toEqual([
      '\\x1b[2J\\x1b[Hgone',
      'ok\\x0d\\x0aforged  9  0',
      'csi\\x9b31m',
      'rtl\\u202eevil',
    ]);
    for (const row of rows) expect(row.length).toBe(lines[lines.length - 6]!.length);
  });

  it('keeps JSON output valid and exact, with the same characters escaped', () => {
    const r = sim([names, '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const summary = JSON.parse(r.stdout) as { name: string; servers: { name: string }[] };
    expect(summary.name).toBe('\u001b]0;title\u0007demo');
    expect(summary.servers.map((s) => s.name)).toEqual(HOSTILE);
  });

  it('escapes names quoted in error messages, and the file name', () => {
    const r = sim([file('bad.json', { events: [{ at: 0, action: 'kill', server: 'x\u009b2J' }] })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/x\\x9b2J/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    const missing = sim(['\u001b[2Jnope.json']);
    expect(missing.stderr).toMatch(/^\\x1b\[2Jnope\.json: no such file, and not a preset/);
  });

  it('ends quietly with status 0 when the reader has closed the pipe', async () => {
    expect(await simWithClosedPipe(['classic'], 0)).toEqual({ status: 0, stderr: '', received: 0 });
  });

  it('ends quietly when the reader closes the pipe in the middle of a long table', async () => {
    // 4,000 rows of about 90 bytes: far more than a pipe holds, so writing must meet the close.
    const servers = Array.from({ length: 4000 }, (_, i) => ({
      name: `server-${i}-${'x'.repeat(20)}`,
    }));
    const wide = file('wide.json', { servers, traffic: [{ at: 0, burst: 10 }] });
    const r = await simWithClosedPipe([wide], 1);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.received).toBeGreaterThan(0);
  });
});

describe('npm run sim: a strategy of your own', () => {
  const leastConnections = `function selectServer(servers) {
  let best = servers[0];
  for (const s of servers) if (s.active + s.queued < best.active + best.queued) best = s;
  return best;
}
`;

  it('--strategy-file gives the built-in least connections summary, but for its name', () => {
    // A minute of Poisson arrivals into queues, least connections built in.
    const scenario = 'src/engine/scenario/presets/steady-poisson.json';
    const mine = file('lc.js', leastConnections);
    const custom = sim([scenario, '--json', '--seed', '7', '--strategy-file', mine]);
    const reference = sim([scenario, '--json', '--seed', '7']);
    expect(custom.stderr).toBe('');
    expect(custom.status).toBe(0);
    const a = JSON.parse(custom.stdout) as Record<string, unknown>;
    const b = JSON.parse(reference.stdout) as Record<string, unknown>;
    expect(a.strategy).toBe('custom');
    expect(b.strategy).toBe('least-connections');
    expect({ ...a, strategy: null }).toEqual({ ...b, strategy: null });
  });

  it('exits 2 with the message and line when the code fails during the run', () => {
    const bad = file('bad.js', 'function selectServer(servers) {\n  return 42;\n}\n');
    const r = sim(['classic', '--strategy-file', bad]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^classic: the custom strategy failed: Line 1: selectServer returned 42, /,
    );
  });

  it('exits 2 naming the line of a syntax error, and a missing file plainly', () => {
    const broken = file('broken.js', 'function selectServer(servers) {\n  return servers[0\n}\n');
    const r = sim(['classic', '--strategy-file', broken]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^classic: the custom strategy does not load: Line 3: SyntaxError/);
    const missing = sim(['classic', '--strategy-file', join(dir, 'nope.js')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such strategy file/);
  });

  it('runs a scenario that carries its code, and refuses "custom" without code', () => {
    const carried = file('carried.json', {
      strategy: 'custom',
      customStrategy: { code: leastConnections },
    });
    const r = sim([carried, '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as { requests: { served: number; rejected: number } };
    expect([summary.requests.served, summary.requests.rejected]).toEqual([9, 1]);
    const bare = sim([file('bare.json', { strategy: 'custom' })]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/customStrategy: is needed when strategy is "custom"/);
  });
});

describe('npm run sim -- <scenario> --config', () => {
  it('prints exactly the text of the page’s Config dialog, with its notes on stderr', async () => {
    const { exportConfig } = await import('../features/exports/config/index.ts');
    const { parseScenario } = await import('../engine/scenario/schema.ts');
    const { PRESETS } = await import('../engine/scenario/presets.ts');
    const parsed = parseScenario(PRESETS.find((p) => p.id === 'retry-budget')!.raw);
    if (!parsed.ok) throw new Error('preset');
    for (const format of ['nginx', 'haproxy', 'envoy'] as const) {
      const r = sim(['retry-budget', '--config', format]);
      expect(r.status).toBe(0);
      const snippet = exportConfig(parsed.scenario, format);
      expect(r.stdout).toBe(snippet.text);
      expect(r.stderr).toContain(`note: ${snippet.notes[0]!.slice(0, 40)}`);
    }
  });

  it('prints the Kubernetes HorizontalPodAutoscaler of an autoscaling preset with --config hpa', async () => {
    const { exportConfig } = await import('../features/exports/config/index.ts');
    const { parseScenario } = await import('../engine/scenario/schema.ts');
    const { PRESETS } = await import('../engine/scenario/presets.ts');
    const parsed = parseScenario(PRESETS.find((p) => p.id === 'cold-starts')!.raw);
    if (!parsed.ok) throw new Error('preset');
    const r = sim(['cold-starts', '--config', 'hpa']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(exportConfig(parsed.scenario, 'kubernetes').text);
    expect(r.stdout).toMatch(/^kind: HorizontalPodAutoscaler$/m);
  });
});
