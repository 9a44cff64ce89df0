import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../store/hooks.tsx';
import { SupermarketChart } from './SupermarketChart.tsx';
import { LoadTailTally, tailExtent, theoryLoadTail } from './loadTail.ts';

/** Longest tail drawn (k at most this). */
const MAX_K = 12;
const NONE = new Float64Array(0);

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
 * The measured share of servers with at least k requests over every per-server sample of the
 * traffic period the page has received (see LoadTailTally), updated as samples arrive.
 */
function useMeasuredTail(fromMs: number, toMs: number): Float64Array {
  const store = useAppStore();
  const [tail, setTail] = useState<Float64Array>(NONE);
  useEffect(() => {
    const tally = new LoadTailTally(MAX_K);
    let run: number | undefined;
    const take = (snap = store.getState().snapshot) => {
      if (!snap) return;
      // A new run (load, reset, seed, replay) starts the tally over, even at the same times.
      if (snap.recording?.run !== run) {
        run = snap.recording?.run;
        tally.reset();
        setTail(NONE);
      }
      if (tally.add(snap.serverSeries, fromMs, toMs)) setTail(tally.tail());
    };
    take();
    return store.subscribe((s, prev) => {
      if (s.snapshot !== prev.snapshot) take(s.snapshot);
    });
  }, [store, fromMs, toMs]);
  return tail;
}

/**
 * The supermarket model's share of servers with at least k requests for the chosen d, beside the
 * share measured over the traffic period (kept after the traffic ends).
 */
export function SupermarketCurve({ load, d, fromMs, toMs }: SupermarketCurveProps) {
  const measured = useMeasuredTail(fromMs, toMs);
  const { theory, cut } = useMemo(() => {
    const full = theoryLoadTail(load, d, MAX_K);
    const k = tailExtent(measured.length > 0 ? [full, measured] : [full]);
    return { theory: full.subarray(0, k + 1), cut: k };
  }, [load, d, measured]);
  const shown = measured.length > cut ? measured.subarray(0, cut + 1) : NONE;
  return (
    <>
      <SupermarketChart theory={theory} measured={shown} d={d} />
      {shown.length === 0 && (
        <p className="theory-detail">
          No per-server samples from while the traffic ran yet: play the run (or reset and play) to
          draw the measured curve.
        </p>
      )}
    </>
  );
}
