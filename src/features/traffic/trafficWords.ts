import type { TrafficSpec } from '../../engine/scenario/types.ts';
import { formatCount, formatRate } from '../../lib/format.ts';
import { clockText as clockOf } from '../../ui/clockRule.ts';

/** A duration in words: 45 s, 5 min, 24 h. */
export function spanOf(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${+(ms / 1000).toFixed(3)} s`;
}

const rate = (v: number) => formatRate(+v.toFixed(2));

/** One traffic entry of the scenario in words, for the list in the Traffic panel. */
export function trafficWords(t: TrafficSpec): string {
  switch (t.kind) {
    case 'burst':
      return `${formatCount(t.burst)} at once at ${clockOf(t.at)}`;
    case 'poisson':
      return `steady ${rate(t.ratePerSec)} from ${clockOf(t.from)} to ${clockOf(t.to)}`;
    case 'ramp':
      return `ramp ${rate(t.startRatePerSec)} → ${rate(t.endRatePerSec)} from ${clockOf(t.from)} to ${clockOf(t.to)}`;
    case 'diurnal':
      return (
        `daily pattern ${rate(t.troughRatePerSec)}–${rate(t.peakRatePerSec)}, ` +
        `peak at ${clockOf(t.phaseMs % t.periodMs)} every ${spanOf(t.periodMs)}, ` +
        `from ${clockOf(t.from)} to ${clockOf(t.to)}`
      );
    case 'closed':
      return `${formatCount(t.clients)} ${t.clients === 1 ? 'client' : 'clients'} thinking ${spanOf(t.thinkMs)} from ${clockOf(t.from)} to ${clockOf(t.to)}`;
    case 'spike':
      return `spike ×${+t.multiplier.toFixed(3)} from ${clockOf(t.from)} for ${spanOf(t.to - t.from)}`;
    case 'trace': {
      const first = t.trace[0]![0];
      const last = t.trace[t.trace.length - 1]![0];
      const peak = t.trace.reduce((m, p) => Math.max(m, p[1]), 0);
      return `trace of ${formatCount(t.trace.length)} points, ${clockOf(first)}–${clockOf(last)}, up to ${rate(peak)}`;
    }
  }
}
