/**
 * Headless runner: `npm run sim -- <scenario.json | preset | -> [--json] [--seed N] [caps]`. Runs
 * the same engine as the playground's worker to the end of the scenario and prints its summary.
 * Bad input, and a run that would pass a cap (input size, requests held, events), exit 2 with a
 * message on stderr, never a stack trace; a reader that closes the pipe early ends it quietly.
 */
import { parseScenario } from '../engine/scenario/schema.ts';
import { PRESETS } from '../engine/scenario/presets.ts';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import { parseJsonText } from '../lib/scenarioFile.ts';
import { parseArgs, USAGE } from './args.ts';
import { customStrategyOptions, strategyFailureMessage } from './customStrategy.ts';
import { formatSummary } from './formatTable.ts';
import { readScenarioInput } from './readInput.ts';
import { runWithinLimits } from './runBounds.ts';
import { readStrategyFile } from './strategyFile.ts';
import { terminalSafeJson, terminalSafeLines } from './terminalText.ts';
import { exportConfig } from '../features/exports/config/index.ts';
import { presetList } from './presetList.ts';

/** Bad input or a run stopped by a cap. */
const EXIT_REFUSED = 2;

/**
 * `npm run sim -- classic | head -1`: once the reader has what it wants it closes the pipe, and
 * the next write fails with EPIPE. That is the reader's choice, not an error of ours, so stop
 * quietly with status 0 (Node ignores SIGPIPE, so this is where `head` would have ended us).
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}

/** Prints the message (control characters escaped: it may quote names from the file) and exits 2. */
function fail(message: string): never {
  const text = terminalSafeLines(message.replace(/\n$/, ''));
  process.stderr.write(`${text}\n`);
  process.exit(EXIT_REFUSED);
}

async function readSource(source: string, label: string): Promise<unknown> {
  const preset = PRESETS.find((p) => p.id === source);
  if (preset) return preset.raw;
  const input = await readScenarioInput(source);
  if (!input.ok) {
    if ('missing' in input) {
      const known = PRESETS.map((p) => p.id).join(', ');
      fail(`${source}: no such file, and not a preset (presets: ${known})`);
    }
    fail(input.message);
  }
  // parseJsonText's messages start with the label: a sentence, so "Standard input is empty."
  const json = parseJsonText(input.text, source === '-' ? 'Standard input' : label);
  if (!json.ok) fail(json.message);
  return json.value;
}

async function main(argv: readonly string[]): Promise<void> {
  endQuietlyOnClosedPipe();
  const args = parseArgs(argv);
  if ('help' in args) {
    process.stdout.write(USAGE);
    return;
  }
  if ('list' in args) {
    process.stdout.write(presetList(PRESETS));
    return;
  }
  if ('error' in args) fail(`${args.error}\n\n${USAGE}`);
  const label = args.source === '-' ? 'standard input' : args.source;
  const raw = await readSource(args.source, label);
  const withSeed =
    args.seed !== null && typeof raw === 'object' && raw !== null
      ? { ...raw, seed: args.seed }
      : raw;
  let withCode = withSeed;
  if (args.strategyFile !== null) {
    const file = await readStrategyFile(args.strategyFile);
    if (!file.ok) fail(file.message);
    if (typeof withSeed === 'object' && withSeed !== null)
      withCode = { ...withSeed, strategy: 'custom', customStrategy: { code: file.code } };
  }
  const parsed = parseScenario(withCode);
  if (!parsed.ok) {
    const lines = parsed.problems.map(
      (p) => `  ${p.path === '' ? '(scenario)' : p.path}: ${p.message}`,
    );
    fail(
      `${label}: invalid scenario (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'})\n${lines.join('\n')}`,
    );
  }
  if (args.config !== null) {
    // Exactly what the Config dialog shows, copies and downloads; its notes apart, on stderr.
    const snippet = exportConfig(parsed.scenario, args.config);
    process.stdout.write(snippet.text);
    const notes = [...snippet.notes, ...snippet.defenceNotes];
    if (notes.length > 0)
      process.stderr.write(terminalSafeLines(notes.map((n) => `note: ${n}`).join('\n')) + '\n');
    return;
  }
  let sim: Simulation;
  try {
    const custom = await customStrategyOptions(parsed.scenario);
    sim = new Simulation(parsed.scenario, { logRequests: false, ...custom });
    const run = runWithinLimits(sim, args.limits);
    if (!run.ok) fail(`${label}: ${run.message}`);
  } catch (error) {
    const message = strategyFailureMessage(error);
    if (message === null) throw error;
    fail(`${label}: ${message}`);
  }
  const summary = summarize(sim);
  process.stdout.write(
    args.json
      ? `${terminalSafeJson(JSON.stringify(summary, null, 2))}\n`
      : `${formatSummary(summary)}\n`,
  );
}

await main(process.argv.slice(2));
