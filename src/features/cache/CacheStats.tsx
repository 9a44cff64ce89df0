import { useApp, useShallow } from '../../store/hooks.tsx';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { HitRateSparkline } from './HitRateSparkline.tsx';
import { MIN_LOOKUPS, windowLabel } from './lookupWindow.ts';
import { useRecentHitRate } from './useRecentHitRate.ts';

/**
 * Hit rate recently (over at least MIN_LOOKUPS lookups, saying how many) and over the run, its
 * history, and the hit / miss / eviction counts.
 */
export function CacheStats() {
  const counts = useApp(
    useShallow((s) => ({
      hits: s.snapshot?.summary.cache.hits ?? 0,
      misses: s.snapshot?.summary.cache.misses ?? 0,
      evictions: s.snapshot?.summary.cache.evictions ?? 0,
      overall: s.snapshot?.summary.cache.hitRate ?? null,
    })),
  );
  const time = useApp((s) => s.snapshot?.series.time);
  const rate = useApp((s) => s.snapshot?.series.cacheHitRate);
  const recent = useRecentHitRate();
  const now = recent?.rate ?? null;

  return (
    <div className="cache-stats">
      <div className="cache-rates">
        <p className="cache-rate">
          <span className="cache-rate-value" data-testid="cache.hitRateNow">
            {formatPercent(now, 0)}
          </span>
          <span
            className="cache-label"
            data-testid="cache.hitRateNowLabel"
            title={`Hits among the most recent lookups, at least ${MIN_LOOKUPS} of them once there are that many, so a quiet cache does not jump between 0% and 100%`}
          >
            {windowLabel(recent)}
          </span>
        </p>
        <p className="cache-rate">
          <span className="cache-rate-value" data-testid="cache.hitRate">
            {formatPercent(counts.overall, 1)}
          </span>
          <span className="cache-label">over the run</span>
        </p>
      </div>
      {time && rate && <HitRateSparkline time={time} rate={rate} latest={now} />}
      <dl className="cache-counts">
        <div>
          <dt>hits</dt>
          <dd data-testid="cache.hits">{formatCount(counts.hits)}</dd>
        </div>
        <div>
          <dt>misses</dt>
          <dd data-testid="cache.misses">{formatCount(counts.misses)}</dd>
        </div>
        <div>
          <dt title="Entries pushed out, least recently used first, to make room">evictions</dt>
          <dd data-testid="cache.evictions">{formatCount(counts.evictions)}</dd>
        </div>
      </dl>
    </div>
  );
}
