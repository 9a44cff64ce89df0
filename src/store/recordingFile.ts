import type { Recording } from '../worker/protocol.ts';

/**
 * A recording as a file: JSON with the setup indented as a scenario file is, and one action per
 * line, so a recording of thousands of actions stays readable, diffable and small.
 */
export function recordingFileText(rec: Recording): string {
  const indent = (text: string) => text.replace(/\n/g, '\n  ');
  const actions = rec.actions.map((a) => `    ${JSON.stringify(a)}`);
  const list = actions.length > 0 ? `[\n${actions.join(',\n')}\n  ]` : '[]';
  return [
    '{',
    '  "version": 1,',
    `  "seed": ${JSON.stringify(rec.seed)},`,
    `  "end": ${JSON.stringify(rec.end)},`,
    `  "truncated": ${JSON.stringify(rec.truncated)},`,
    `  "scenario": ${indent(JSON.stringify(rec.scenario, null, 2))},`,
    `  "actions": ${list}`,
    '}',
    '',
  ].join('\n');
}
