import { FleetSeries } from '../autoscaling/fleetSeries.ts';
import type { FleetCounts } from './fleetMeasure.ts';

/**
 * The autoscaler's books: the fleet's counts now, a row of the fleet series at every sync and
 * every change, and the managed count's extremes and time integral for the run's summary.
 */
export class FleetLedger {
  counts: FleetCounts = { inPool: 0, down: 0, draining: 0, starting: 0, desired: 0, running: 0 };
  readonly series = new FleetSeries();
  /** The last sync's metric, recommendation and arrival rate (NaN before the first). */
  metric = NaN;
  recommended = NaN;
  arrivalsPerSec = NaN;
  private readonly stats = { min: Infinity, max: -Infinity, integral: 0, since: 0, current: 0 };

  /** The fleet as counted at `now`: advances the statistics and adds a row. */
  record(now: number, counts: FleetCounts): void {
    this.counts = counts;
    const st = this.stats;
    // A count enters the extremes once it held for a while: a pool below minServers at the
    // start, fixed at the same instant, never was the pool.
    if (now > st.since) {
      st.integral += st.current * (now - st.since);
      st.min = Math.min(st.min, st.current);
      st.max = Math.max(st.max, st.current);
      st.since = now;
    }
    st.current = counts.desired;
    this.series.push({
      time: now,
      inPool: counts.inPool,
      starting: counts.starting,
      draining: counts.draining,
      metric: this.metric,
      recommended: this.recommended,
      desired: counts.desired,
      arrivalsPerSec: this.arrivalsPerSec,
    });
  }

  /** The managed count over [0, now]: least, most, time-weighted mean, and now. */
  serverStats(now: number): { min: number; max: number; mean: number; final: number } {
    const st = this.stats;
    const integral = st.integral + st.current * (now - st.since);
    return {
      min: Math.min(st.min, st.current),
      max: Math.max(st.max, st.current),
      mean: now > 0 ? integral / now : st.current,
      final: st.current,
    };
  }
}
