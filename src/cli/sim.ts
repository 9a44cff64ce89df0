/**
 * Headless runner: `npm run sim -- <scenario.json | preset | -> [--json] [--seed N]`. Runs the same
 * engine as the playground's worker to the end of the scenario and prints its summary. Bad input
 * exits 2 with the problems on stderr, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../engine/scenario/schema.ts';
import { PRESETS } from '../engine/scenario/presets.ts';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import { parseArgs, USAGE } from './args.ts';
import { formatSummary } from './formatTable.ts';

function fail(message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(2);
}

function readSource(source: string): unknown {
  const preset = PRESETS.find((p) => p.id === source);
  if (preset) return preset.raw;
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const known = PRESETS.map((p) => p.id).join(', ');
    fail(
      code === 'ENOENT'
        ? `${source}: no such file, and not a preset (presets: ${known})`
        : `${source}: cannot be read (${code ?? String(e)})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    fail(`${source}: not valid JSON (${(e as Error).message})`);
  }
}

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  if ('help' in args) {
    process.stdout.write(USAGE);
    return;
  }
  if ('list' in args) {
    for (const p of PRESETS) process.stdout.write(`${p.id.padEnd(18)} ${p.description}\n`);
    return;
  }
  if ('error' in args) fail(`${args.error}\n\n${USAGE}`);
  const raw = readSource(args.source);
  const withSeed =
    args.seed !== null && typeof raw === 'object' && raw !== null
      ? { ...raw, seed: args.seed }
      : raw;
  const parsed = parseScenario(withSeed);
  if (!parsed.ok) {
    const lines = parsed.problems.map(
      (p) => `  ${p.path === '' ? '(scenario)' : p.path}: ${p.message}`,
    );
    fail(
      `${args.source}: invalid scenario (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'})\n${lines.join('\n')}`,
    );
  }
  const sim = new Simulation(parsed.scenario, { logRequests: false });
  sim.runToEnd();
  const summary = summarize(sim);
  process.stdout.write(
    args.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`,
  );
}

main(process.argv.slice(2));
