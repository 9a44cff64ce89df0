/**
 * Words into lines of at most `width` characters, filled greedily and broken only at spaces. A
 * word longer than a line gets a line of its own (the caller decides whether to cut it); text
 * without words gives no lines. Used by the flow view's labels and the CLIs' preset lists.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
