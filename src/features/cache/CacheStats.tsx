import { useApp, useShallow } from '../../store/hooks.tsx';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { HitRateSparkline } from './HitRateSparkline.tsx';

/** The newest value that is a number: an interval without lookups has no hit rate. */
function latestDefined(values: Float64Array): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i]!;
  return null;
}

/** Hit rate now and over the run, its history, and the hit / miss / eviction counts. */
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
  const now = rate ? latestDefined(rate) : null;

  return (
    <div className="cache-stats">
      <div className="cache-rates">
        <p className="cache-rate">
          <span className="cache-rate-value" data-testid="cache.hitRateNow">
            {formatPercent(now, 0)}
          </span>
          <span
            className="cache-label"
            title="Hits among lookups in the latest interval that had any"
          >
            hit rate, latest
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
