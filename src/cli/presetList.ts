import { wrapWords } from '../lib/wrapWords.ts';
import { TEXT_COLUMNS } from './terminalText.ts';

/**
 * `--list`: each preset's id, then its description wrapped to `columns` with every line after
 * the first indented under the first, so ids of any length keep the descriptions in one column.
 */
export function presetList(
  presets: readonly { readonly id: string; readonly description: string }[],
  columns = TEXT_COLUMNS,
): string {
  const indent = Math.max(...presets.map((p) => p.id.length)) + 2;
  const room = Math.max(20, columns - indent);
  return presets
    .map((p) =>
      wrapLines(p.description, room)
        .map((line, k) => (k === 0 ? p.id.padEnd(indent) : ' '.repeat(indent)) + line)
        .join('\n'),
    )
    .join('\n')
    .concat('\n');
}

/** A description's lines (an empty one still gets its line, beside its id). */
function wrapLines(text: string, width: number): string[] {
  const lines = wrapWords(text, width);
  return lines.length > 0 ? lines : [''];
}
