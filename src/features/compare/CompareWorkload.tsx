import { formatCount } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import type { CompareResult } from '../../worker/protocol.ts';
import { countOf } from '../../lib/words.ts';

/** Props of {@link CompareWorkload}. */
export interface CompareWorkloadProps {
  readonly result: CompareResult;
}

/**
 * What the columns were run on: the setup, the number of requests each saw, anything added to or
 * left out of the setup's traffic, and where the runs were cut short.
 */
export function CompareWorkload({ result }: CompareWorkloadProps) {
  const setupVersion = useApp((s) => s.snapshot?.setupVersion ?? null);
  const ranOn = useApp((s) => s.compare.resultSetupVersion);
  const w = result.workload;
  const totals = new Set(result.variants.map((v) => v.summary.requests.total));
  const total = result.variants[0]?.summary.requests.total ?? 0;
  const inFlight = result.variants.filter((v) => v.summary.requests.inFlight > 0);

  return (
    <div className="compare-workload" data-testid="compare.workload">
      <p>
        <strong>{w.scenarioName}</strong>, seed {w.seed}:{' '}
        {totals.size === 1
          ? `${countOf(total, 'request')}, the same in every column.`
          : 'the columns saw different numbers of requests (a run was cut short).'}
        {w.liveRate &&
          ` The live rate of ${formatCount(w.liveRate.ratePerSec)} requests per simulated second is included as steady Poisson traffic for the first ${w.liveRate.windowMs / 1000} s.`}
        {w.droppedStrategyEvents > 0 &&
          ` ${w.droppedStrategyEvents} scheduled strategy switch${w.droppedStrategyEvents > 1 ? 'es were' : ' was'} left out, so each column keeps its strategy.`}
      </p>
      {result.capped && (
        <p className="compare-note">
          Stopped at {(result.capped.atMs / 1000).toFixed(1)} s of simulated time:{' '}
          {result.capped.reason}.
        </p>
      )}
      {inFlight.length > 0 && (
        <p className="compare-note">
          Requests still in flight at the end are counted in neither served nor rejected.
        </p>
      )}
      {setupVersion !== null && ranOn !== null && setupVersion !== ranOn && (
        <p className="compare-note" data-testid="compare.stale">
          The setup has changed since this comparison ran: run it again to compare the new one.
        </p>
      )}
    </div>
  );
}
