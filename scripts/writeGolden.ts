/**
 * Writes the golden files that pin the engine's results (src/engine/golden/*.golden.json,
 * src/worker/snapshots.golden.json): the
 * `--json` summaries exactly as `npm run sim` prints them, and the fingerprints of a traced run's
 * log, picks, routes, series and checkpoints, and of the snapshots a session sends the page. Run it only when a change is meant to alter results
 * (new features are off by default and must not):
 *
 *   node --import tsx scripts/writeGolden.ts             # rewrite the golden files
 *   node --import tsx scripts/writeGolden.ts --dump DIR  # also write each traced part in full, to diff
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_CASES, SUMMARY_CASES, TRACE_CASES, withSeed } from '../src/engine/golden/cases.ts';
import { traceDigest, traceRun } from '../src/engine/testing/goldenTrace.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';
import { traceSession } from '../src/worker/testing/snapshotTrace.ts';

const dumpAt = process.argv.indexOf('--dump');
const dumpDir = dumpAt >= 0 ? process.argv[dumpAt + 1] : undefined;

const summaries: Record<string, string> = {};
for (const c of SUMMARY_CASES) {
  const args = ['--import', 'tsx', 'src/cli/sim.ts', c.source, '--json'];
  if (c.seed !== null) args.push('--seed', String(c.seed));
  summaries[c.id] = execFileSync(process.execPath, args, { encoding: 'utf8' });
  process.stdout.write(`summary ${c.id}\n`);
}
writeFileSync('src/engine/golden/summaries.golden.json', `${JSON.stringify(summaries, null, 2)}\n`);

const traces: Record<string, ReturnType<typeof traceDigest>> = {};
for (const c of TRACE_CASES) {
  const parts = traceRun(scenarioOf(withSeed(c)));
  traces[c.id] = traceDigest(parts);
  if (dumpDir !== undefined) {
    const dir = join(dumpDir, c.id.replace(/[^\w.-]+/g, '_'));
    mkdirSync(dir, { recursive: true });
    for (const [part, text] of Object.entries(parts)) writeFileSync(join(dir, `${part}.txt`), text);
  }
  process.stdout.write(`trace ${c.id}\n`);
}
writeFileSync('src/engine/golden/traces.golden.json', `${JSON.stringify(traces, null, 2)}\n`);

const sessions: Record<string, ReturnType<typeof traceSession>> = {};
for (const c of SESSION_CASES) {
  sessions[c.id] = traceSession(withSeed(c), c.speed, c.frames);
  process.stdout.write(`session ${c.id}\n`);
}
writeFileSync('src/worker/snapshots.golden.json', `${JSON.stringify(sessions, null, 2)}\n`);
