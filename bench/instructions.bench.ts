/**
 * Instructions per simulated request, counted by valgrind (callgrind), for the engine on the
 * reference model, for the reference simulator itself (referenceSim.ts) and for least connections
 * over 100 servers: `npm run bench:instructions`.
 *
 * Why: on the shared virtual machines this project is built on, CPU time per request swings by a
 * fifth from one run to the next, more than most single changes to the hot path are worth. An
 * instruction count under `node --predictable` (V8 compiles and collects garbage on the main
 * thread, so nothing depends on timing) repeats to about one part in a million, so a change can
 * be judged in one run. It is not time: a cache miss or a mispredicted branch costs no more
 * instructions, which is why `npm run bench` keeps the time ratio, the issue's measure.
 *
 * Each workload is bundled (esbuild) and run twice under valgrind, once with the measured run and
 * once without; the difference divided by the requests is the steady-state count, start-up and
 * warm-ups taken off.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { WORKLOADS, type Workload } from './benchModels.ts';
import { formatCount } from '../src/lib/format.ts';

const REQUESTS = 300_000;

/** `npm run bench:instructions -- engine least-connections`: only these (the ratio needs reference). */
const asked = process.argv
  .slice(2)
  .filter((a): a is Workload => (WORKLOADS as readonly string[]).includes(a));
const chosen: readonly Workload[] = asked.length > 0 ? asked : WORKLOADS;

if (spawnSync('valgrind', ['--version']).error !== undefined) {
  console.error(
    'bench:instructions needs valgrind (Debian: apt-get install valgrind); nothing was measured.',
  );
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-instructions-'));
const bundle = join(dir, 'workload.mjs');
await build({
  entryPoints: [new URL('./instructionWorkload.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning',
});

/** Instructions the whole process executed (callgrind's total), with `requests` measured. */
function countInstructions(workload: Workload, requests: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [
      '--tool=callgrind',
      `--callgrind-out-file=${join(dir, `${workload}-${requests}.out`)}`,
      '--smc-check=all-non-file', // V8 writes the code it then runs
      process.execPath,
      '--predictable',
      bundle,
      workload,
      String(requests),
    ];
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const total = /Collected : (\d+)/.exec(stderr);
      if (code === 0 && total !== null) resolve(Number(total[1]));
      else
        reject(new Error(`valgrind on ${workload} exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

/** Steady-state instructions per request: both runs side by side (one per core). */
async function perRequest(workload: Workload): Promise<number> {
  const [without, withRun] = await Promise.all([
    countInstructions(workload, 0),
    countInstructions(workload, REQUESTS),
  ]);
  return (withRun - without) / REQUESTS;
}

console.log(
  `Balancer Playground instruction counts · node ${process.version} --predictable · valgrind ` +
    `callgrind · ${new Date().toISOString().slice(0, 10)}\n` +
    `Steady state: ${formatCount(REQUESTS)} requests after two warm-ups of 200,000, start-up taken off\n`,
);
try {
  const counts = new Map<Workload, number>();
  for (const workload of chosen) counts.set(workload, await perRequest(workload));
  const reference = counts.get('reference');
  const labels: Record<Workload, string> = {
    reference: 'reference simulator, reference model',
    engine: 'engine, reference model, full metrics',
    'least-connections': 'engine, least connections, 100 servers',
  };
  for (const workload of chosen) {
    const n = counts.get(workload)!;
    const times =
      workload === 'reference' || reference === undefined
        ? ''
        : `  ${(n / reference).toFixed(2)}x the reference`;
    console.log(
      `  ${labels[workload].padEnd(42)} ${formatCount(n).padStart(6)} instructions per request${times}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
