/** What the command line asked for. */
export interface SimArgs {
  readonly source: string;
  readonly json: boolean;
  readonly seed: number | null;
}

export const USAGE = `Usage: npm run sim -- <scenario.json | preset name | -> [--json] [--seed N]

  scenario.json   a scenario file (format v1); "-" reads one from standard input
  preset name     one of the built-in presets (run with --list to see them)
  --json          print one JSON object instead of a table
  --seed N        override the scenario's seed (an integer 0..4294967295)
  --list          list the presets
`;

/** Parses argv (without node and script); returns a message instead of throwing. */
export function parseArgs(
  argv: readonly string[],
): SimArgs | { error: string } | { list: true } | { help: true } {
  let source: string | null = null;
  let json = false;
  let seed: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--list') return { list: true };
    else if (a === '--help' || a === '-h') return { help: true };
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const raw = a === '--seed' ? argv[++i] : a.slice('--seed='.length);
      const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 4294967295) {
        return {
          error: `--seed: must be an integer from 0 to 4294967295, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`,
        };
      }
      seed = n;
    } else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else if (source === null) source = a;
    else return { error: `only one scenario can be run at a time (got ${source} and ${a})` };
  }
  if (source === null) return { error: 'no scenario given' };
  return { source, json, seed };
}
