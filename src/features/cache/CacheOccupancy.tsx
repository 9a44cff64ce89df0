import { useRef } from 'react';
import { useApp, useShallow, type AppState } from '../../store/hooks.tsx';
import { useColumn } from '../../store/serverColumn.ts';
import { useWindowedList } from '../../ui/useWindowedList.ts';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { redrawInterval } from '../../lib/redrawInterval.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { serverColour } from '../../lib/palette.ts';
import { formatCount } from '../../lib/format.ts';

const liveServers = (s: AppState) => s.snapshot?.servers;
const slotOf = (v: ServerSnapshot) => v.slot;
const nameOf = (v: ServerSnapshot) => v.name;
const sizeOf = (v: ServerSnapshot) => v.cacheSize;

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
  // Each server's own cache matters only with per-server placement.
  const perServer = placement === 'per-server';
  const slots = useColumn(liveServers, slotOf);
  const names = useColumn(liveServers, nameOf);
  const latestSizes = useColumn(liveServers, sizeOf);
  // A hundred fill bars redraw a few times a second, in a task of their own (see redrawInterval).
  const sizes = useThrottled(latestSizes, redrawInterval(slots.length));
  const scrollRef = useRef<HTMLDivElement>(null);
  // Past a hundred servers only the rows in view render.
  const rows = useWindowedList(slots.length, scrollRef, { estimate: 18, from: 100 });

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
      {perServer && (
        <div
          ref={scrollRef}
          className={rows.windowed ? 'cache-servers-scroll' : undefined}
          tabIndex={rows.windowed ? 0 : undefined}
          role={rows.windowed ? 'region' : undefined}
          aria-label={rows.windowed ? "Each server's own cache (scrolls)" : undefined}
        >
          <ul
            className="cache-servers"
            aria-label="Each server's own cache"
            style={
              rows.windowed ? { paddingTop: rows.before, paddingBottom: rows.after } : undefined
            }
          >
            {rows.indexes.map((i) => {
              const slot = slots[i]!;
              const n = sizes[i] ?? 0;
              return (
                <li
                  key={slot}
                  ref={rows.windowed ? rows.measure : undefined}
                  data-index={rows.windowed ? i : undefined}
                >
                  {/* The server's colour as a mark beside its name: coloured text would be faint. */}
                  <span
                    className="cache-server-name"
                    style={{ borderLeftColor: serverColour(slot) }}
                  >
                    {names[i]}
                  </span>
                  <FillBar share={perCache > 0 ? n / perCache : 0} colour={serverColour(slot)} />
                  <span className="cache-num">
                    {formatCount(n)} / {formatCount(perCache)}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
