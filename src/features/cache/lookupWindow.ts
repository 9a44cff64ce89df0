/** Fewest lookups a "recent" hit rate is taken over: fewer jump between 0% and 100%. */
export const MIN_LOOKUPS = 100;
/** Most snapshots kept (a very busy cache reaches MIN_LOOKUPS within one anyway). */
const MAX_SAMPLES = 4096;

interface Sample {
  readonly hits: number;
  readonly lookups: number;
}

/** A hit rate and the lookups it is over. */
export interface WindowedRate {
  readonly rate: number;
  readonly lookups: number;
  /** True when these are all the lookups since the run began (fewer than MIN_LOOKUPS). */
  readonly sinceStart: boolean;
}

/**
 * The cache's recent hit rate over the newest stretch of the run holding at least MIN_LOOKUPS
 * lookups, from the run's running totals of hits and misses as snapshots bring them: at a few
 * lookups per interval a per-interval rate jumps between 0% and 100%, this one does not, and it
 * says how many lookups it is over.
 */
export class LookupWindow {
  private samples: Sample[] = [{ hits: 0, lookups: 0 }];

  /** Takes the run's totals so far; totals that went down mean a new run, which starts over. */
  push(hits: number, misses: number): void {
    const lookups = hits + misses;
    const last = this.samples.at(-1)!;
    if (lookups < last.lookups || hits < last.hits) this.samples = [{ hits: 0, lookups: 0 }];
    else if (lookups === last.lookups) return;
    this.samples.push({ hits, lookups });
    // Drop baselines while the next one still leaves at least MIN_LOOKUPS in the window.
    while (this.samples.length > 2 && lookups - this.samples[1]!.lookups >= MIN_LOOKUPS)
      this.samples.shift();
    if (this.samples.length > MAX_SAMPLES)
      this.samples.splice(0, this.samples.length - MAX_SAMPLES);
  }

  /** The rate over the window, or null before the first lookup. */
  rate(): WindowedRate | null {
    const first = this.samples[0]!;
    const last = this.samples.at(-1)!;
    const lookups = last.lookups - first.lookups;
    if (lookups <= 0) return null;
    return {
      rate: (last.hits - first.hits) / lookups,
      lookups,
      sinceStart: first.lookups === 0 && lookups < MIN_LOOKUPS,
    };
  }
}

/** "hit rate, last 214 lookups", "hit rate, all 37 lookups so far", "hit rate, the 1 lookup so far". */
export function windowLabel(w: WindowedRate | null): string {
  if (w === null) return 'hit rate, recent lookups';
  const n = w.lookups.toLocaleString('en-US');
  if (w.sinceStart)
    return w.lookups === 1 ? 'hit rate, the 1 lookup so far' : `hit rate, all ${n} lookups so far`;
  return `hit rate, last ${n} lookups`;
}
