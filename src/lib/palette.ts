/**
 * Colours that stay apart for colour-blind people: Okabe & Ito's palette first, then Paul Tol's
 * muted scheme. One colour per server everywhere (flow view, charts, log); rejected and failed
 * requests always in the one warning colour, which no server gets.
 */
const SERVER_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#332288',
  '#999933',
  '#44AA99',
  '#882255',
  '#8C6D31',
] as const;

/** Rejections and failures. */
export const WARNING_COLOUR = '#D55E00';
/** The warning colour darkened for text, to keep 4.5:1 contrast on light backgrounds. */
export const WARNING_TEXT_COLOUR = '#A34400';
/** Queued (waiting) load, drawn as a lighter band of the server's colour. */
export const QUEUED_OPACITY = 0.45;

/** The colour of the server in `slot` (stable for the run: slots never move). */
export function serverColour(slot: number): string {
  return SERVER_COLOURS[slot % SERVER_COLOURS.length]!;
}
