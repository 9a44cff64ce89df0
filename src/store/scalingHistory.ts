import { FLEET_COLUMNS } from '../engine/autoscaling/fleetSeries.ts';
import type { Snapshot } from '../worker/protocol.ts';

const WIDTH = FLEET_COLUMNS.length;
const TIME = 0;
/** Rows kept before the resolution halves: a day of 15 s syncs several times over. */
const MAX_ROWS = 40_000;

/** The fleet over the run, column by column (rows oldest first), as the chart reads it. */
export interface FleetView {
  readonly length: number;
  readonly time: Float64Array;
  readonly inPool: Float64Array;
  readonly starting: Float64Array;
  readonly draining: Float64Array;
  readonly metric: Float64Array;
  readonly recommended: Float64Array;
  readonly desired: Float64Array;
  readonly arrivalsPerSec: Float64Array;
}

/** The SLO's one-minute windows over the run: good and ended requests per window. */
export interface SloWindows {
  readonly windowMs: number;
  /** Index (from the run's start) of the first window held. */
  readonly first: number;
  readonly good: readonly number[];
  readonly ended: readonly number[];
}

/**
 * The whole run's autoscaling and SLO history on the page, for the chart of servers over time and
 * the error budget over time: fleet rows and SLO windows arrive only as the worker makes them (a
 * row per sync or change, a window a minute), are kept here outside React state, and start over
 * with each new run. Past `MAX_ROWS` every other old row is dropped: the chart keeps the whole run
 * at a coarser step rather than losing its start.
 */
export class ScalingHistory {
  private run: number | null = null;
  private rows = new Float64Array(1024 * WIDTH);
  private count = 0;
  private windows: SloWindows | null = null;
  /** Grows with every change, so views can be memoised on it. */
  version = 0;

  /** Takes in a snapshot's new rows and windows; true when it began a new run. */
  append(snap: Snapshot): boolean {
    const run = snap.recording?.run ?? this.run ?? 0;
    const fresh = run !== this.run;
    if (fresh) this.clear();
    this.run = run;
    const scaling = snap.scaling;
    if (!scaling) return fresh;
    const fleet = scaling.fleet;
    for (let o = 0; o < fleet.length; o += WIDTH) this.addRow(fleet.subarray(o, o + WIDTH));
    const slo = scaling.slo;
    if (slo) {
      const w = this.windows;
      const same = w !== null && w.windowMs === slo.windowMs && slo.fromWindow >= w.first;
      const first = same ? w.first : slo.fromWindow;
      const good = same ? [...w.good] : [];
      const ended = same ? [...w.ended] : [];
      for (let i = 0; i < slo.good.length; i++) {
        good[slo.fromWindow - first + i] = slo.good[i]!;
        ended[slo.fromWindow - first + i] = slo.ended[i]!;
      }
      this.windows = { windowMs: slo.windowMs, first, good, ended };
    } else this.windows = null;
    if (fleet.length > 0 || slo) this.version++;
    return fresh;
  }

  clear(): void {
    this.run = null;
    this.count = 0;
    this.windows = null;
    this.version++;
  }

  /** Time of the newest row held, or undefined: the cursor the worker sends rows from. */
  get lastTime(): number | undefined {
    return this.count > 0 ? this.rows[(this.count - 1) * WIDTH + TIME]! : undefined;
  }

  /** The window still filling when the last snapshot came: the cursor for SLO windows. */
  get nextWindow(): number | undefined {
    const w = this.windows;
    return w === null ? undefined : w.first + Math.max(0, w.good.length - 1);
  }

  sloWindows(): SloWindows | null {
    return this.windows;
  }

  /** The rows with time in [from, to], as columns. */
  fleet(from = -Infinity, to = Infinity): FleetView {
    const cols = FLEET_COLUMNS.map(() => [] as number[]);
    for (let r = 0; r < this.count; r++) {
      const t = this.rows[r * WIDTH + TIME]!;
      if (t < from || t > to) continue;
      for (let c = 0; c < WIDTH; c++) cols[c]!.push(this.rows[r * WIDTH + c]!);
    }
    const out = {} as Record<(typeof FLEET_COLUMNS)[number], Float64Array>;
    FLEET_COLUMNS.forEach((name, c) => (out[name] = Float64Array.from(cols[c]!)));
    return { length: cols[0]!.length, ...out };
  }

  private addRow(row: Float64Array): void {
    const t = row[TIME]!;
    const last = this.lastTime;
    // The worker sends the newest row again (it may have changed at the same instant).
    if (last !== undefined && t < last) return;
    if (last !== undefined && t === last) {
      this.rows.set(row, (this.count - 1) * WIDTH);
      return;
    }
    if (this.count >= MAX_ROWS) this.halve();
    if ((this.count + 1) * WIDTH > this.rows.length) {
      const grown = new Float64Array(Math.min(MAX_ROWS, (this.count + 1) * 2) * WIDTH);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows.set(row, this.count * WIDTH);
    this.count++;
  }

  /** Drops every other row of the older half, keeping the newest rows at full resolution. */
  private halve(): void {
    const half = Math.floor(this.count / 2);
    let out = 0;
    for (let r = 0; r < this.count; r++) {
      if (r < half && r % 2 === 1) continue;
      this.rows.copyWithin(out * WIDTH, r * WIDTH, (r + 1) * WIDTH);
      out++;
    }
    this.count = out;
  }
}
