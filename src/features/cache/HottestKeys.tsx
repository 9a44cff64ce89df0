import { useApp, useShallow } from '../../store/hooks.tsx';
import { formatCount } from '../../lib/format.ts';

/** The most requested keys with their lookup counts, as small bars (hot keys are why caches help). */
export function HottestKeys() {
  // Flattened to numbers so an unchanged top list compares equal and does not re-render.
  const flat = useApp(
    useShallow((s) => s.snapshot?.cache.hottest.flatMap((h) => [h.key, h.count]) ?? []),
  );
  const parsed: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) parsed.push([flat[i]!, flat[i + 1]!]);
  const max = parsed.reduce((m, [, c]) => Math.max(m, c), 0);

  return (
    <div className="cache-hottest" data-testid="cache.hottest">
      <h3 className="cache-label" id="cache-hottest-title">
        hottest keys (lookups)
      </h3>
      {parsed.length === 0 ? (
        <p className="cache-muted">No lookups yet.</p>
      ) : (
        <ol className="cache-keys" aria-labelledby="cache-hottest-title">
          {parsed.map(([key, count]) => (
            <li key={key}>
              <span className="cache-key">key {key}</span>
              <span className="cache-bar" aria-hidden="true">
                <span
                  className="cache-bar-fill cache-bar-key"
                  style={{ width: `${max > 0 ? (count / max) * 100 : 0}%` }}
                />
              </span>
              <span className="cache-num">{formatCount(count)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
