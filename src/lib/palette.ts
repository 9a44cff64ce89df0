/**
 * Colours that stay apart for colour-blind people: Okabe & Ito's palette first, then Paul Tol's
 * muted scheme. One colour per server everywhere (flow view, charts, log); rejected and failed
 * requests always in the one warning colour, which no server gets. Each is a CSS custom property
 * (index.css) with a light and a dark value, so a server keeps its hue in both themes; downloads
 * of charts resolve them to the colours on screen (lib/chartExport.ts).
 */

/** How many server colours there are before they repeat. */
export const SERVER_COLOUR_COUNT = 10;

/** Rejections and failures. */
export const WARNING_COLOUR = 'var(--warning)';
/** The warning colour for text, with 4.5:1 contrast on the panel in either theme. */
export const WARNING_TEXT_COLOUR = 'var(--warning-ink)';
/** Queued (waiting) load, drawn as a lighter band of the server's colour. */
export const QUEUED_OPACITY = 0.45;
/** A server that is down, and lines for "all others". */
export const DOWN_COLOUR = 'var(--down)';
/** Run-wide lines (throughput, p50…): inks no server has, so nobody reads them as one server. */
export const INK = 'var(--ink)';
export const INK_SOFT = 'var(--ink-muted)';
export const INK_LIGHT = 'var(--ink-soft)';

/** The colour of the server in `slot` (stable for the run: slots never move). */
export function serverColour(slot: number): string {
  return `var(--server-${slot % SERVER_COLOUR_COUNT})`;
}
