import { useMemo, useState } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { HitRateReferenceContext } from '../../charts/chartReference.ts';
import { formatPercent } from '../../lib/format.ts';
import { CheMemo, chePrediction } from '../theory/index.ts';
import { CacheStats } from './CacheStats.tsx';
import { CacheOccupancy } from './CacheOccupancy.tsx';
import { HottestKeys } from './HottestKeys.tsx';
import { CacheSettings } from './CacheSettings.tsx';
import './CachePanel.css';

/**
 * The LRU cache in front of the expensive computation (the original demo's
 * `functools.lru_cache(128)`): how often it hits, how full it is, which keys are hot, and where
 * it sits (one shared cache, one per server, or none).
 */
export function CachePanel() {
  const placement = useApp((s) => s.snapshot?.cache.spec.placement ?? null);
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  // The Che approximation, when it covers this cache: drawn as a line on the hit-rate sparkline.
  const [memo] = useState(() => new CheMemo());
  const che = useMemo(() => {
    const p = setup ? chePrediction({ setup, liveRatePerSec: 0 }, memo) : null;
    return !p || p.predicted === null ? null : { value: p.predicted, label: 'Che' };
  }, [setup, memo]);

  return (
    <section className="panel cache-panel" aria-labelledby="cache-title">
      <h2 id="cache-title">Cache</h2>
      <div className="cache-body">
        {placement === null ? (
          <p className="cache-muted">Waiting for the simulation…</p>
        ) : placement === 'off' ? (
          <p className="cache-off" data-testid="cache.off">
            Caching is off: every request runs the full computation, so there is no hit rate to
            show. Pick “shared” or “per-server” to put an LRU cache in front of it.
          </p>
        ) : (
          <>
            {/* One grid cell: the Che note sits right under the sparkline it explains. */}
            <div>
              <HitRateReferenceContext value={che}>
                <CacheStats />
              </HitRateReferenceContext>
              {che && (
                <p className="cache-muted" data-testid="cache.che">
                  Dashed line: the Che approximation predicts {formatPercent(che.value, 1)} for an
                  LRU of this size under these Zipf keys, once the cache is warm.
                </p>
              )}
            </div>
            <CacheOccupancy />
            <HottestKeys />
          </>
        )}
        {placement !== null && <CacheSettings />}
      </div>
    </section>
  );
}
