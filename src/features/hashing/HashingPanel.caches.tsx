import { useMemo, useRef } from 'react';
import { useWindowedList } from '../../ui/useWindowedList.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { serverColour } from '../../lib/palette.ts';
import { useApp, type AppState } from '../../store/hooks.tsx';
import { useColumn } from '../../store/serverColumn.ts';

const servers = (s: AppState) => s.snapshot?.servers;

/**
 * Each server's own cache: its hit rate over the run and how full it is. With a hash strategy a
 * server sees only its own keys, so its small cache holds them; with any other strategy every
 * server sees every key and each cache holds a little of everything.
 */
export function HashingCaches() {
  // One array of primitives per column, so a row re-renders only when its numbers change.
  const slots = useColumn(servers, (v) => v.slot);
  const names = useColumn(servers, (v) => v.name);
  const rates = useColumn(servers, (v) => v.cacheHitRate);
  const sizes = useColumn(servers, (v) => v.cacheSize);
  const capacity = useApp((s) => s.snapshot?.cache.spec.capacity ?? 0);
  // Run-long rates move slowly: redraw the table once a second, not with every snapshot, so a
  // hundred rows do not cost a frame while the run plays.
  const shown = useThrottled({ rates, sizes }, slots.length > 10 ? 1000 : 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Past a hundred servers only the rows in view render (the rest keep their room).
  const windowed = useWindowedList(slots.length, scrollRef, { estimate: 24, from: 100 });
  const { indexes, measure } = windowed;
  const body = useMemo(
    () =>
      rows(
        slots,
        names,
        shown.rates,
        shown.sizes,
        capacity,
        indexes,
        windowed.windowed ? measure : undefined,
      ),
    [slots, names, shown, capacity, indexes, measure, windowed.windowed],
  );

  const table = (
    <table className="hashing-caches" data-testid="hashing.caches">
      <caption className="hashing-caption">Each server&apos;s own cache, over the run</caption>
      <thead>
        <tr>
          <th scope="col">Server</th>
          <th scope="col">Hit rate</th>
          <th scope="col">Entries</th>
        </tr>
      </thead>
      <tbody>
        {windowed.before > 0 && <Spacer height={windowed.before} />}
        {body}
        {windowed.after > 0 && <Spacer height={windowed.after} />}
      </tbody>
    </table>
  );
  return windowed.windowed ? (
    <div
      ref={scrollRef}
      className="hashing-caches-scroll"
      tabIndex={0}
      role="region"
      aria-label="Each server's own cache (scrolls)"
    >
      {table}
    </div>
  ) : (
    table
  );
}

/** The height of the rows not rendered. */
function Spacer({ height }: { readonly height: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={3} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** One row per server: name, hit rate with a bar, entries held. */
function rows(
  slots: readonly number[],
  names: readonly string[],
  rates: readonly (number | null)[],
  sizes: readonly number[],
  capacity: number,
  indexes: readonly number[],
  measure: ((el: Element | null) => void) | undefined,
) {
  return indexes.map((i) => {
    const slot = slots[i]!;
    const rate = rates[i] ?? null;
    return (
      <tr
        key={slot}
        ref={measure}
        data-index={measure ? i : undefined}
        data-testid="hashing.cache"
        data-name={names[i]}
      >
        <th scope="row">
          <span className="hashing-server">
            <span
              className="hashing-swatch"
              style={{ background: serverColour(slot) }}
              aria-hidden="true"
            />
            <span className="hashing-server-name">{names[i]}</span>
          </span>
        </th>
        <td className="hashing-rate">
          <span className="hashing-num">
            {rate === null ? 'no lookups yet' : formatPercent(rate)}
          </span>
          <span className="hashing-bar" aria-hidden="true">
            <span
              className="hashing-bar-fill"
              style={{ width: `${(rate ?? 0) * 100}%`, background: serverColour(slot) }}
            />
          </span>
        </td>
        <td className="hashing-num">
          {formatCount(sizes[i] ?? 0)} / {formatCount(capacity)}
        </td>
      </tr>
    );
  });
}
