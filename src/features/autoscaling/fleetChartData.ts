import type { FleetView } from '../../store/scalingHistory.ts';

/**
 * The fleet view as the chart draws it: the stack of ready, starting and draining servers as step
 * lines (the count holds until the next row), and the time axis in seconds or, for runs of hours,
 * in clock time.
 */
export interface FleetBands {
  readonly x: Float64Array;
  /** Tops of the three bands: ready, ready + starting, ready + starting + draining. */
  readonly ready: Float64Array;
  readonly starting: Float64Array;
  readonly draining: Float64Array;
  readonly desired: Float64Array;
  readonly peak: number;
}

/** Stacks the counts of each row (x in simulated seconds), ending at `nowMs` with the last row. */
export function fleetBands(view: FleetView, nowMs: number): FleetBands {
  const n = view.length;
  const extra = n > 0 && nowMs > view.time[n - 1]! ? 1 : 0;
  const size = n + extra;
  const x = new Float64Array(size);
  const ready = new Float64Array(size);
  const starting = new Float64Array(size);
  const draining = new Float64Array(size);
  const desired = new Float64Array(size);
  let peak = 0;
  for (let i = 0; i < size; i++) {
    const r = Math.min(i, n - 1);
    x[i] = (i < n ? view.time[i]! : nowMs) / 1000;
    ready[i] = view.inPool[r]!;
    starting[i] = ready[i]! + view.starting[r]!;
    draining[i] = starting[i]! + view.draining[r]!;
    desired[i] = view.desired[r]!;
    peak = Math.max(peak, draining[i]!, desired[i]!);
  }
  return { x, ready, starting, draining, desired, peak };
}

/**
 * Tick values for a run of hours: whole hours, as many as fit in `width` px (about 70 px each);
 * null for shorter runs, whose seconds the axis picks itself.
 */
export function hourTicks(spanSeconds: number, width: number): number[] | null {
  if (spanSeconds < 2 * 3600) return null;
  const fit = Math.max(2, Math.floor(width / 70));
  const step = [1, 2, 3, 4, 6, 12, 24, 48].find((h) => spanSeconds / (h * 3600) <= fit) ?? 96;
  const out: number[] = [];
  for (let t = 0; t <= spanSeconds + 1e-6; t += step * 3600) out.push(t);
  return out;
}

/** A time tick: seconds for short runs, h:mm for runs of hours. */
export function timeTick(spanSeconds: number): (s: number) => string {
  if (spanSeconds < 2 * 3600) return (s) => String(+s.toFixed(1));
  return (s) => {
    const m = Math.round(s / 60);
    return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
  };
}
