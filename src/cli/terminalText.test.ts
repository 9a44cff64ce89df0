import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario/schema.ts';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import { formatSummary } from './formatTable.ts';
import { terminalSafe, terminalSafeJson, terminalSafeLines } from './terminalText.ts';

/** Any character a terminal acts on rather than shows. */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- what the test looks for
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = [
  '\u001b[2J\u001b[Hcleared', // clear the screen, cursor home
  'ok\r\nforged      9   0', // a forged table row
  '\u001b]0;new title\u0007x', // OSC: retitle the window, ended by BEL
  'csi\u009b31mred', // the one-character C1 CSI
  'bidi\u202eevil\u2066x\u2069', // right-to-left override and an isolate
  'tab\there\u007fdel',
];

describe('terminal-safe text', () => {
  it('shows every control character as an escape and leaves the rest alone', () => {
    expect(terminalSafe('\u001b[2Jx')).toBe('\\x1b[2Jx');
    expect(terminalSafe('a\r\nb')).toBe('a\\x0d\\x0ab');
    expect(terminalSafe('csi\u009b')).toBe('csi\\x9b');
    expect(terminalSafe('x\u202ey')).toBe('x\\u202ey');
    expect(terminalSafe('Server-A café 日本 🚀 ·')).toBe('Server-A café 日本 🚀 ·');
    for (const name of HOSTILE) expect(terminalSafe(name)).not.toMatch(CONTROL);
  });

  it('keeps the line breaks of a message but escapes those inside a line', () => {
    expect(terminalSafeLines('first \u001b[31m\nsecond')).toBe('first \\x1b[31m\nsecond');
  });

  it('writes JSON that parses to exactly the same value', () => {
    const value = { names: HOSTILE, plain: 'Server-A', nested: [{ n: 'x\u0085y' }] };
    const json = terminalSafeJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual(value);
    // The layout stays: one key per line, as JSON.stringify wrote it.
    expect(json.split('\n')[1]).toBe('  "names": [');
  });
});

describe('the summary table', () => {
  it('shows hostile names escaped, one row per server, with no control character', () => {
    const parsed = parseScenario({
      name: HOSTILE[0],
      servers: HOSTILE.map((name) => ({ name, capacity: 1 })),
      traffic: [{ at: 0, burst: 6 }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const sim = new Simulation(parsed.scenario, { logRequests: false });
    sim.runToEnd();
    const text = formatSummary(summarize(sim));
    const lines = text.split('\n');
    for (const line of lines) expect(line).not.toMatch(CONTROL);
    expect(lines[0]).toMatch(/^\\x1b\[2J\\x1b\[Hcleared · round-robin · seed 42/);
    const header = lines.findIndex((l) => l.startsWith('server '));
    const rows = lines.slice(header + 2);
    expect(rows).toHaveLength(HOSTILE.length);
    expect(rows[1]).toMatch(/^ok\\x0d\\x0aforged {6}9 {3}0 +1 /);
    // Every row is as wide as the header: nothing moved the columns.
    for (const row of rows) expect(row.length).toBe(lines[header]!.length);
  });
});
