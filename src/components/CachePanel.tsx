import { usePlayground } from '../store/hooks.ts';
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
  const placement = usePlayground((s) => s.snapshot?.cache.spec.placement ?? null);

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
            <CacheStats />
            <CacheOccupancy />
            <HottestKeys />
          </>
        )}
        {placement !== null && <CacheSettings />}
      </div>
    </section>
  );
}
