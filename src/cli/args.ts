import { DEFAULT_LIMITS, EVENTS_FLAG, HELD_FLAG, type RunLimits } from './runBounds.ts';
import { CONFIG_FORMATS, type ConfigFormat } from '../features/exports/config/index.ts';

/** What the command line asked for. */
export interface SimArgs {
  readonly source: string;
  readonly json: boolean;
  readonly seed: number | null;
  readonly limits: RunLimits;
  /** `--strategy-file my.js`: run this code as the scenario's strategy ("custom"). */
  readonly strategyFile: string | null;
  /** Print this balancer's config for the scenario instead of running it (the page's export). */
  readonly config: ConfigFormat | null;
}

const FORMATS = CONFIG_FORMATS.map((f) => f.format);
/** Other names --config takes: `hpa`, the word for the Kubernetes autoscaler's export. */
const FORMAT_ALIASES: Readonly<Record<string, ConfigFormat>> = { hpa: 'kubernetes' };
const FORMAT_LIST = `${FORMATS.join(', ')} (or hpa, the same as kubernetes)`;

const count = (n: number) => n.toLocaleString('en-US');

export const USAGE = `Usage: npm run sim -- <scenario.json | preset name | -> [--json] [--seed N]
                      [${HELD_FLAG} N] [${EVENTS_FLAG} N] [--config FORMAT]

  scenario.json   a scenario file (format v1, at most 1 MB); "-" reads one from standard
                  input
  preset name     one of the built-in presets (run with --list to see them)
  --json          print one JSON object instead of a table
  --seed N        override the scenario's seed (an integer 0..4294967295)
  ${HELD_FLAG} N
                  stop when more requests than this are held at once (in service, queued
                  or waiting for a retry); default ${count(DEFAULT_LIMITS.maxRequestsHeld)}
  ${EVENTS_FLAG} N
                  stop after this many events (each request's arrival is one, a burst's
                  too); default ${count(DEFAULT_LIMITS.maxEvents)}
  --strategy-file my.js
                  run the strategy in my.js (JavaScript defining selectServer, run in a
                  sandbox) instead of the scenario's
  --config FORMAT print the scenario as configuration for a real balancer instead of
                  running it, the same text as the playground's Config dialog (its notes
                  go to standard error); FORMAT is one of
                  ${FORMAT_LIST}
  --list          list the presets

A run stopped by a cap exits with status 2, as bad input does.
`;

type Parsed = SimArgs | { error: string } | { list: true } | { help: true };

/** The value of `--name V` or `--name=V`, moving `i` past it; undefined when there is none. */
function valueOf(argv: readonly string[], i: { at: number }, name: string): string | undefined {
  const a = argv[i.at]!;
  return a === name ? argv[++i.at] : a.slice(name.length + 1);
}

const shown = (raw: string | undefined) => (raw === undefined ? 'nothing' : JSON.stringify(raw));

/** A cap: a whole number >= 1, written plainly, with _ or , between digits, or as 1e9. */
function parseCap(name: string, raw: string | undefined): number | { error: string } {
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) {
    return { error: `${name}: must be a whole number of at least 1 (e.g. 5e6), got ${shown(raw)}` };
  }
  return n;
}

const isFlag = (a: string, name: string) => a === name || a.startsWith(`${name}=`);

/** Parses argv (without node and script); returns a message instead of throwing. */
export function parseArgs(argv: readonly string[]): Parsed {
  let source: string | null = null;
  let json = false;
  let seed: number | null = null;
  let limits: RunLimits = DEFAULT_LIMITS;
  let strategyFile: string | null = null;
  let config: ConfigFormat | null = null;
  const i = { at: 0 };
  for (; i.at < argv.length; i.at++) {
    const a = argv[i.at]!;
    if (a === '--json') json = true;
    else if (a === '--list') return { list: true };
    else if (a === '--help' || a === '-h') return { help: true };
    else if (isFlag(a, '--seed')) {
      const raw = valueOf(argv, i, '--seed');
      const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 4294967295) {
        return { error: `--seed: must be an integer from 0 to 4294967295, got ${shown(raw)}` };
      }
      seed = n;
    } else if (isFlag(a, HELD_FLAG) || isFlag(a, EVENTS_FLAG)) {
      const name = isFlag(a, HELD_FLAG) ? HELD_FLAG : EVENTS_FLAG;
      const cap = parseCap(name, valueOf(argv, i, name));
      if (typeof cap !== 'number') return cap;
      limits =
        name === HELD_FLAG ? { ...limits, maxRequestsHeld: cap } : { ...limits, maxEvents: cap };
    } else if (isFlag(a, '--strategy-file')) {
      const path = valueOf(argv, i, '--strategy-file');
      if (path === undefined || path === '')
        return { error: '--strategy-file: give the path of a JavaScript file' };
      strategyFile = path;
    } else if (isFlag(a, '--config')) {
      const raw = valueOf(argv, i, '--config');
      const format =
        FORMATS.find((f) => f === raw) ??
        (raw !== undefined && Object.hasOwn(FORMAT_ALIASES, raw) ? FORMAT_ALIASES[raw] : null);
      if (!format) return { error: `--config: must be one of ${FORMAT_LIST}, got ${shown(raw)}` };
      config = format;
    } else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else if (source === null) source = a;
    else return { error: `only one scenario can be run at a time (got ${source} and ${a})` };
  }
  if (source === null) return { error: 'no scenario given' };
  return { source, json, seed, limits, strategyFile, config };
}
