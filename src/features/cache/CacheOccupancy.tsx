import { useApp, useShallow } from '../../store/hooks.tsx';
import { redrawInterval } from '../../lib/redrawInterval.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { serverColour } from '../../lib/palette.ts';
import { formatCount } from '../../lib/format.ts';

/** A horizontal fill bar; `share` is clamped to 0..1. */
function FillBar({ share, colour }: { readonly share: number; readonly colour?: string }) {
  const pct = Math.max(0, Math.min(1, share)) * 100;
  return (
    <span className="cache-bar" aria-hidden="true">
      <span className="cache-bar-fill" style={{ width: `${pct}%`, background: colour }} />
    </span>
  );
}

/**
 * How full the cache is ("size / capacity"). With per-server placement each server has its own
 * cache, shown in that server's colour, because where a key is routed decides whether it hits.
 */
export function CacheOccupancy() {
  const { size, total, perCache, placement } = useApp(
    useShallow((s) => ({
      size: s.snapshot?.cache.size ?? 0,
      total: s.snapshot?.cache.totalCapacity ?? 0,
      perCache: s.snapshot?.cache.spec.capacity ?? 0,
      placement: s.snapshot?.cache.spec.placement ?? 'off',
    })),
  );
  // Flattened to primitives so an unchanged selection compares equal between frames.
  const latest = useApp(
    useShallow((s) => s.snapshot?.servers.flatMap((v) => [v.slot, v.cacheSize, v.name]) ?? []),
  );
  // A hundred fill bars redraw a few times a second, in a task of their own (see redrawInterval).
  const flat = useThrottled(latest, redrawInterval(latest.length / 3));
  const fills: Array<{ slot: number; n: number; name: string }> = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    fills.push({ slot: Number(flat[i]), n: Number(flat[i + 1]), name: String(flat[i + 2]) });
  }

  return (
    <div className="cache-occupancy">
      <p className="cache-line">
        <span className="cache-label">occupancy</span>{' '}
        <span data-testid="cache.occupancy">
          {formatCount(size)} / {formatCount(total)}
        </span>
        {placement === 'per-server' && <span className="cache-muted"> across all servers</span>}
      </p>
      <FillBar share={total > 0 ? size / total : 0} />
      {placement === 'per-server' && (
        <ul className="cache-servers" aria-label="Each server's own cache">
          {fills.map(({ slot, n, name }) => {
            return (
              <li key={slot}>
                <span className="cache-server-name" style={{ color: serverColour(slot) }}>
                  {name}
                </span>
                <FillBar share={perCache > 0 ? n / perCache : 0} colour={serverColour(slot)} />
                <span className="cache-num">
                  {formatCount(n)} / {formatCount(perCache)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
