/** What `npm run sweep -- …` asked for. */
export type SweepArgs =
  | {
      readonly command: 'run';
      readonly source: string;
      readonly json: boolean;
      /** null: one per core. */
      readonly workers: number | null;
      readonly shard: { readonly index: number; readonly count: number } | null;
      readonly quiet: boolean;
    }
  | { readonly command: 'merge'; readonly parts: readonly string[]; readonly json: boolean }
  | { readonly command: 'list' }
  | { readonly command: 'help' }
  | { readonly command: 'error'; readonly error: string };

export const USAGE = `Usage: npm run sweep -- <sweep.json | preset name | -> [--json] [--workers N]
                        [--shard i/n] [--quiet]
       npm run sweep -- merge <part.json>... [--json]
       npm run sweep -- --list

  sweep.json    a sweep file (format v1); "-" reads one from standard input
  preset name   one of the built-in sweeps (run with --list to see them)
  --json        print one JSON object instead of a table
  --workers N   run on N threads: this one and N-1 worker threads (default: one per core)
  --shard i/n   run only shard i of n (every n-th run from the i-th); save each with
                --json and join them with \`merge\`, which prints exactly what the whole
                sweep prints
  --quiet       no progress on standard error
  --list        list the built-in sweeps
`;

const MAX_WORKERS = 256;

function parseShard(raw: string | undefined): { index: number; count: number } | string {
  const m = raw === undefined ? null : /^(\d{1,7})\/(\d{1,7})$/.exec(raw.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) {
    return `--shard: must be i/n with 1 <= i <= n, e.g. 2/3 (got ${raw === undefined ? 'nothing' : JSON.stringify(raw)})`;
  }
  return { index, count };
}

function parseWorkers(raw: string | undefined): number | string {
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS)) {
    return `--workers: must be an integer from 1 to ${MAX_WORKERS} (got ${raw === undefined ? 'nothing' : JSON.stringify(raw)})`;
  }
  return n;
}

/** Parses argv (without node and script); returns an error instead of throwing. */
export function parseSweepArgs(argv: readonly string[]): SweepArgs {
  const positional: string[] = [];
  let json = false;
  let quiet = false;
  let workers: number | null = null;
  let shard: { index: number; count: number } | null = null;
  const error = (message: string): SweepArgs => ({ command: 'error', error: message });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const valueOf = (name: string) => (a === name ? argv[++i] : a.slice(name.length + 1));
    if (a === '--json') json = true;
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--list') return { command: 'list' };
    else if (a === '--help' || a === '-h') return { command: 'help' };
    else if (a === '--workers' || a.startsWith('--workers=')) {
      const n = parseWorkers(valueOf('--workers'));
      if (typeof n === 'string') return error(n);
      workers = n;
    } else if (a === '--shard' || a.startsWith('--shard=')) {
      const s = parseShard(valueOf('--shard'));
      if (typeof s === 'string') return error(s);
      shard = s;
    } else if (a.startsWith('--')) return error(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional[0] === 'merge') {
    if (workers !== null || shard !== null || quiet) {
      return error('merge takes only part files and --json');
    }
    if (positional.length < 2) return error('merge: no part files given');
    return { command: 'merge', parts: positional.slice(1), json };
  }
  if (positional.length === 0) return error('no sweep given');
  if (positional.length > 1) {
    return error(`only one sweep can be run at a time (got ${positional.join(', ')})`);
  }
  return { command: 'run', source: positional[0]!, json, workers, shard, quiet };
}
