/* Where everything in the request-flow picture sits, for a given width and number of servers. */
import { wrapWords } from '../../lib/wrapWords.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A server's box; dots arrive at its left edge, halfway down. */
export interface FlowCell {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  /** detail: a two-line card per server; compact: a grid of one-line cells (many servers). */
  readonly mode: 'detail' | 'compact';
  readonly clients: Point;
  /** Centre of the balancer box. */
  readonly balancer: Point & { readonly w: number; readonly h: number };
  /** Centre of the reject bin, below the balancer. */
  readonly bin: Point;
  /** One cell per server, in the servers' order (column by column in compact mode). */
  readonly cells: readonly FlowCell[];
}

const PAD = 8;
/** Up to this many servers get a detailed card each; more switch to the compact grid. */
export const DETAIL_MAX = 8;

/** Most rows of boxes in the compact grid; past columns × rows, servers are drawn in groups. */
export const COMPACT_MAX_ROWS = 40;
/** Narrowest a compact box may be, px. */
const COMPACT_MIN_W = 84;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Where the servers' zone starts and how wide it is, for a picture `width` px wide. */
function serverZone(width: number) {
  const narrow = width < 520;
  // Wide enough for the longest word of a strategy name ("connections") on its own line.
  const balW = narrow ? 86 : 100;
  const balX = narrow ? Math.max(100, width * 0.28) : clamp(width * 0.3, 150, 240);
  const zoneX = balX + balW / 2 + (narrow ? 24 : 56);
  return { balW, balX, zoneX, zoneW: Math.max(80, width - PAD - zoneX) };
}

/** How many boxes the picture can draw at this width; a larger pool is drawn in groups. */
export function flowCellLimit(width: number): number {
  return Math.max(1, Math.floor(serverZone(width).zoneW / COMPACT_MIN_W)) * COMPACT_MAX_ROWS;
}

/** Lays the picture out left to right: clients → balancer → servers, reject bin under the balancer. */
export function layoutFlow(width: number, count: number): FlowLayout {
  const { balW, balX, zoneX, zoneW } = serverZone(width);
  const balH = 46;

  const detail = count <= DETAIL_MAX;
  const rowH = detail ? 46 : 19;
  const cellH = detail ? 38 : 16;
  const maxCols = Math.max(1, Math.floor(zoneW / COMPACT_MIN_W));
  const cols = detail ? 1 : Math.min(maxCols, Math.max(1, Math.ceil(count / 16)));
  const rows = Math.max(1, Math.ceil(count / cols));
  const colGap = 6;
  const cellW = (zoneW - (cols - 1) * colGap) / cols;

  const block = rows * rowH;
  const height = Math.max(block + 2 * PAD, 260);
  const top = (height - block) / 2;
  const cells: FlowCell[] = [];
  for (let i = 0; i < count; i++) {
    const col = Math.floor(i / rows);
    const row = i % rows;
    cells.push({
      x: zoneX + col * (cellW + colGap),
      y: top + row * rowH + (rowH - cellH) / 2,
      w: cellW,
      h: cellH,
    });
  }

  const cy = Math.min(height / 2, height - 150);
  return {
    width,
    height,
    mode: detail ? 'detail' : 'compact',
    clients: { x: PAD + 18, y: cy },
    balancer: { x: balX, y: cy, w: balW, h: balH },
    bin: { x: balX, y: height - 72 },
    cells,
  };
}

/**
 * Shortens a name to `chars` characters with an ellipsis (the full name goes in a tooltip). In
 * the middle keeps both ends, which tells "Server-41" from "Server-47" when little room is left.
 */
export function elide(name: string, chars: number, where: 'end' | 'middle' = 'end'): string {
  const n = Math.max(2, Math.floor(chars));
  if (name.length <= n) return name;
  if (where === 'end' || n < 4) return `${name.slice(0, n - 1)}…`;
  const tail = Math.ceil((n - 1) / 2);
  return `${name.slice(0, n - 1 - tail)}…${name.slice(name.length - tail)}`;
}

/** Sizes of a server's name in a full-size box: normally 12 px, never under 9 px. */
const NAME_PX = 12;
const NAME_MIN_PX = 9;
/** About how wide a character of the page's sans-serif is, in em. */
const CHAR_EM = 0.62;

/**
 * A server's name for a box with `room` px for it: in full at 12 px where it fits, else a little
 * smaller (down to 9 px) so a long name on a phone keeps its end, and cut only below that.
 */
export function fitName(name: string, room: number): { text: string; px: number } {
  const px = Math.max(NAME_MIN_PX, Math.min(NAME_PX, room / (Math.max(1, name.length) * CHAR_EM)));
  // + a hair: a name that fits exactly (20.9999 characters) is not cut.
  return { text: elide(name, room / (px * CHAR_EM) + 0.01), px };
}

/**
 * Breaks a label into at most `maxLines` lines of about `chars` characters at spaces (the
 * balancer box's strategy name: "least connections" on two lines rather than "least connectio…");
 * only a single word longer than a line, or a label longer than every line together, is elided.
 */
export function wrapLabel(text: string, chars: number, maxLines = 2): string[] {
  const n = Math.max(2, Math.floor(chars));
  const lines = wrapWords(text, n);
  if (lines.length > maxLines)
    lines.splice(maxLines - 1, Infinity, lines.slice(maxLines - 1).join(' '));
  return lines.map((line) => elide(line, n));
}
