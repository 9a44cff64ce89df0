/**
 * Text shown on a terminal: how wide the CLIs' own text runs, and text from a scenario (its name,
 * server names, values quoted in problems) made safe to print. A name is data, never a command to
 * the terminal: ESC starts sequences that clear the screen, move the cursor or retitle the window,
 * a carriage return or newline forges table rows, and the bidirectional overrides reorder what is
 * shown (the "Trojan Source" trick, CVE-2021-42574).
 *
 * A few lines of our own rather than a package: `strip-ansi` and friends remove only well-formed
 * ANSI sequences and would hide that the name held anything, while here every control character
 * is shown as an escape, so what is printed still says exactly what the file holds.
 */

/** How wide the CLIs' own text runs: usage texts and lists keep within it (tables may not). */
export const TEXT_COLUMNS = 90;

/**
 * C0 controls (tab and newline included: inside a table cell they break the layout), DEL, the C1
 * controls (U+009B is a one-character CSI to some terminals), the bidirectional marks, embeddings,
 * overrides and isolates, and the line and paragraph separators.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The same set less C0: JSON.stringify escapes C0 characters inside strings, and outside them its
 * only ones are the newlines that lay the document out.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line's worth of text, safe to print: every control character shown as `\x1b` or `\u202e`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Multi-line text (a message, a table) made safe line by line; its own line breaks stay. */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/**
 * JSON text from JSON.stringify with the other unsafe characters written as `\u` escapes too.
 * They can only occur inside strings, where the escape reads back as the same character, so the
 * document parses to exactly the same value.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
