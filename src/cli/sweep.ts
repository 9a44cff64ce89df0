/**
 * Sweeps from the command line: `npm run sweep -- <sweep.json | preset | -> [--json] [--workers N]
 * [--shard i/n] [--quiet]` runs every run of a sweep on worker threads and prints the points as a
 * table or one JSON object; `npm run sweep -- merge part*.json [--json]` joins shards. Bad input
 * exits 2 with every problem on stderr; a run that crashes exits 1.
 */
import { availableParallelism } from 'node:os';
import { longestFirst } from '../engine/sweep/effort.ts';
import { loadSweep } from '../engine/sweep/loadSweep.ts';
import { allRuns, runCount } from '../engine/sweep/plan.ts';
import { runSweep } from '../engine/sweep/pool.ts';
import { SWEEP_PRESETS } from '../engine/sweep/presets.ts';
import { assembleResult, pointsSoFar, resultJson } from '../engine/sweep/results.ts';
import { makePart, mergeParts, shardRuns, type Shard } from '../engine/sweep/shard.ts';
import { parseSweepArgs, USAGE } from './sweep/args.ts';
import { inlineBaseFile } from './sweep/baseFile.ts';
import { formatSweep, printable } from './sweep/formatSweep.ts';
import { formatDuration, SweepProgress } from './sweep/progress.ts';
import { readJson } from './sweep/readInput.ts';
import { prepareThreads } from './sweep/threadPool.ts';
import { startWorkers, type SweepWorkers } from './sweep/workers.ts';
import { presetList } from './presetList.ts';

function fail(message: string, code = 2): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

function problemList(what: string, problems: readonly { path: string; message: string }[]) {
  const n = problems.length;
  const lines = problems.map((p) =>
    printable(`  ${p.path === '' ? '(sweep)' : p.path}: ${p.message}`),
  );
  return `${what} (${n} problem${n === 1 ? '' : 's'})\n${lines.join('\n')}`;
}

async function readSweep(source: string): Promise<unknown> {
  const preset = SWEEP_PRESETS.find((p) => p.id === source);
  if (preset) return preset.raw;
  const read = await readJson(source);
  if ('data' in read) return read.data;
  const known = SWEEP_PRESETS.map((p) => p.id).join(', ');
  const notPreset = read.error === 'no such file' ? `, and not a built-in sweep (${known})` : '';
  fail(`${source}: ${read.error}${notPreset}`);
}

async function runCommand(args: {
  source: string;
  json: boolean;
  workers: number | null;
  shard: Shard | null;
  quiet: boolean;
}): Promise<void> {
  if (args.workers !== 1 && availableParallelism() > 1) prepareThreads();
  const withBase = await inlineBaseFile(await readSweep(args.source), args.source);
  if ('problem' in withBase)
    fail(`${args.source}: invalid sweep (1 problem)\n  base: ${withBase.problem}`);
  const loaded = loadSweep(withBase.sweep);
  if (!loaded.ok) fail(problemList(`${args.source}: invalid sweep`, loaded.problems));
  const { plan } = loaded;
  const runs = args.shard === null ? allRuns(plan.header) : shardRuns(plan.header, args.shard);
  const count = Math.max(1, Math.min(args.workers ?? availableParallelism(), runs.length));
  const started = performance.now();
  const progress = args.quiet
    ? null
    : new SweepProgress(plan, runs, process.stderr, () => performance.now(), started);
  progress?.draw();
  let figures;
  let pool: SweepWorkers | null = null;
  try {
    pool = await startWorkers(plan, count);
    ({ figures } = await runSweep(plan, longestFirst(plan, runs), pool.workers, {
      onRun: (done) => progress?.runDone(done.index),
    }));
  } catch (e) {
    // A bug, not bad input: say which run failed and how, then exit 1 (threads end with us).
    progress?.finish('');
    fail(`sweep: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  await pool.close();
  const threads = count === 1 ? 'in one thread' : `on ${count} threads`;
  progress?.finish(
    `sweep: ${runs.length} run${runs.length === 1 ? '' : 's'} in ${formatDuration(performance.now() - started)} ${threads}`,
  );
  if (args.shard !== null) {
    const { index, count: n } = args.shard;
    if (args.json) write(`${JSON.stringify(makePart(plan, args.shard, figures), null, 2)}\n`);
    else {
      const note = `shard ${index}/${n}: ${runs.length} of ${runCount(plan.header)} runs; points average only this shard's replications (save each shard with --json and join them with \`npm run sweep -- merge\`)`;
      write(
        `${formatSweep({ ...plan.header, points: pointsSoFar(plan.header, figures) }, note)}\n`,
      );
    }
    return;
  }
  const result = assembleResult(plan.header, figures);
  write(args.json ? resultJson(result) : `${formatSweep(result)}\n`);
}

async function mergeCommand(parts: readonly string[], json: boolean): Promise<void> {
  const read: { source: string; data: unknown }[] = [];
  const unreadable: string[] = [];
  for (const source of parts) {
    const r = await readJson(source);
    if ('data' in r) read.push({ source, data: r.data });
    else unreadable.push(`  ${source}: ${r.error}`);
  }
  if (unreadable.length > 0) fail(`merge: cannot read every part\n${unreadable.join('\n')}`);
  const merged = mergeParts(read);
  if (!merged.ok) {
    const lines = merged.problems.map((p) => {
      const where = [p.source, p.path].filter((s) => s !== null && s !== '').join(': ');
      return where === '' ? p.message : `${where}: ${p.message}`;
    });
    fail(
      `merge: the parts do not make one sweep\n${lines.map((l) => `  ${printable(l)}`).join('\n')}`,
    );
  }
  write(json ? resultJson(merged.result) : `${formatSweep(merged.result)}\n`);
}

function write(text: string): void {
  process.stdout.write(text);
}

async function main(argv: readonly string[]): Promise<void> {
  // A closed pipe (`| head`) ends the command quietly instead of with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const args = parseSweepArgs(argv);
  switch (args.command) {
    case 'help':
      return void write(USAGE);
    case 'list':
      return void write(presetList(SWEEP_PRESETS));
    case 'error':
      return fail(`${args.error}\n\n${USAGE}`);
    case 'merge':
      return mergeCommand(args.parts, args.json);
    case 'run':
      return runCommand(args);
  }
}

await main(process.argv.slice(2));
