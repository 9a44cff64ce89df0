/**
 * The pool's size over time, for the chart of servers under the traffic and for the bill: one
 * row at every sync and at every change of the fleet, in a ring of fixed size (the most recent
 * rows win), so a week of flapping costs no more memory than an hour of it. Rows are columns of
 * one Float64Array, copied out as a whole for the page.
 */
export const FLEET_COLUMNS = [
  'time',
  /** Ready servers taking traffic. */
  'inPool',
  /** Ordered, still booting (provisioning). */
  'starting',
  /** Taking nothing new, finishing what they hold before they leave. */
  'draining',
  /** The metric at the last sync (NaN before the first, or with no ready server). */
  'metric',
  /** What the policy asked for at the last sync (NaN before the first). */
  'recommended',
  /** The count the autoscaler manages: in the pool (ready or down) and starting. */
  'desired',
  /** Arrivals per second over the last sync period: the traffic the pool was sized for. */
  'arrivalsPerSec',
] as const;

export type FleetColumn = (typeof FLEET_COLUMNS)[number];

const WIDTH = FLEET_COLUMNS.length;

export interface FleetRow {
  readonly time: number;
  readonly inPool: number;
  readonly starting: number;
  readonly draining: number;
  readonly metric: number;
  readonly recommended: number;
  readonly desired: number;
  readonly arrivalsPerSec: number;
}

export class FleetSeries {
  private readonly data: Float64Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity = 20_000) {
    this.data = new Float64Array(capacity * WIDTH);
  }

  get length(): number {
    return this.size;
  }

  /** Adds a row; a row at the same time as the last replaces it (a sync right after a change). */
  push(row: FleetRow): void {
    let r: number;
    const last = this.size > 0 ? (this.head + this.size - 1) % this.capacity : -1;
    if (last >= 0 && this.data[last * WIDTH] === row.time) r = last;
    else if (this.size < this.capacity) r = (this.head + this.size++) % this.capacity;
    else {
      r = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    const o = r * WIDTH;
    const d = this.data;
    d[o] = row.time;
    d[o + 1] = row.inPool;
    d[o + 2] = row.starting;
    d[o + 3] = row.draining;
    d[o + 4] = row.metric;
    d[o + 5] = row.recommended;
    d[o + 6] = row.desired;
    d[o + 7] = row.arrivalsPerSec;
  }

  /** The i-th row held, oldest first. */
  row(i: number): FleetRow {
    if (i < 0 || i >= this.size) throw new RangeError(`row ${i} of ${this.size}`);
    const o = ((this.head + i) % this.capacity) * WIDTH;
    const d = this.data;
    return {
      time: d[o]!,
      inPool: d[o + 1]!,
      starting: d[o + 2]!,
      draining: d[o + 3]!,
      metric: d[o + 4]!,
      recommended: d[o + 5]!,
      desired: d[o + 6]!,
      arrivalsPerSec: d[o + 7]!,
    };
  }

  /** Rows from `fromTime` on (all when omitted), oldest first, row-major in one typed array. */
  copyFrom(fromTime = -Infinity): Float64Array {
    // Rows are in time order: binary search for the first at or after `fromTime`.
    let first = 0;
    let hi = this.size;
    while (first < hi) {
      const mid = (first + hi) >> 1;
      if (this.data[((this.head + mid) % this.capacity) * WIDTH]! < fromTime) first = mid + 1;
      else hi = mid;
    }
    const out = new Float64Array((this.size - first) * WIDTH);
    for (let i = first; i < this.size; i++) {
      const o = ((this.head + i) % this.capacity) * WIDTH;
      out.set(this.data.subarray(o, o + WIDTH), (i - first) * WIDTH);
    }
    return out;
  }
}
