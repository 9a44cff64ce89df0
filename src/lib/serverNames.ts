/**
 * Names for added servers, continuing the demo's Server-A, Server-B, Server-C: Server-D … Server-Z,
 * then Server-27, Server-28 … (the number is the server's place in that sequence).
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The name at position `i` (0-based) of the sequence. */
export function sequenceName(i: number): string {
  return i < LETTERS.length ? `Server-${LETTERS[i]!}` : `Server-${i + 1}`;
}

/** The position of a name in the sequence, or -1 when it is not one of them. */
function sequenceIndex(name: string): number {
  const letter = /^Server-([A-Z])$/.exec(name);
  if (letter) return LETTERS.indexOf(letter[1]!);
  const number = /^Server-(\d{1,9})$/.exec(name);
  return number ? Number(number[1]) - 1 : -1;
}

/**
 * The next name after the furthest one in use, so a removed server's name (and its lines in the
 * log) is not handed to a different server straight away.
 */
export function nextServerName(names: readonly string[]): string {
  let furthest = -1;
  for (const name of names) furthest = Math.max(furthest, sequenceIndex(name));
  return sequenceName(furthest + 1);
}
