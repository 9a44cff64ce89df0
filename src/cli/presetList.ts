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
      wrap(p.description, room)
        .map((line, k) => (k === 0 ? p.id.padEnd(indent) : ' '.repeat(indent)) + line)
        .join('\n'),
    )
    .join('\n')
    .concat('\n');
}

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
