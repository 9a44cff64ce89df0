import { useMemo } from 'react';
import { keyedSelector, timeKey } from '../../store/keyedSelector.ts';
import { SupermarketChart } from './SupermarketChart.tsx';
import { measuredLoadTail, tailExtent, theoryLoadTail } from './loadTail.ts';
import { useApp } from '../../store/hooks.tsx';

/** Longest tail drawn (k at most this). */
const MAX_K = 12;

/** Props of {@link SupermarketCurve}. */
export interface SupermarketCurveProps {
  /** Load per server relative to its service rate (λ of the model). */
  readonly load: number;
  readonly d: number;
  /** The steady traffic's span: only samples within it are measured. */
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * The supermarket model's share of servers with at least k requests for the chosen d, beside the
 * share measured over the recent per-server samples.
 */
export function SupermarketCurve({ load, d, fromMs, toMs }: SupermarketCurveProps) {
  // The measured tail changes only when a sample closes (or the span changes).
  const select = useMemo(
    () =>
      keyedSelector(
        (snap) => timeKey(snap.serverSeries.time),
        (snap) => measuredLoadTail(snap.serverSeries, MAX_K, fromMs, toMs),
      ),
    [fromMs, toMs],
  );
  const measured = useApp(select);
  const { theory, cut } = useMemo(() => {
    const full = theoryLoadTail(load, d, MAX_K);
    const k = tailExtent(measured ? [full, measured] : [full]);
    return { theory: full.subarray(0, k + 1), cut: k };
  }, [load, d, measured]);
  const shown =
    measured && measured.length > cut ? measured.subarray(0, cut + 1) : new Float64Array(0);
  return (
    <>
      <SupermarketChart theory={theory} measured={shown} d={d} />
      {shown.length === 0 && (
        <p className="theory-detail">
          No recent per-server samples fall while the traffic ran: play the run (or reset and play)
          to draw the measured curve.
        </p>
      )}
    </>
  );
}
