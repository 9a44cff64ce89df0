import { useMemo } from 'react';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { serverColour } from '../../lib/palette.ts';
import { useShallow, useApp } from '../../store/hooks.tsx';

const NONE: readonly never[] = [];

/**
 * Each server's own cache: its hit rate over the run and how full it is. With a hash strategy a
 * server sees only its own keys, so its small cache holds them; with any other strategy every
 * server sees every key and each cache holds a little of everything.
 */
export function HashingCaches() {
  // One array of primitives per column, so a row re-renders only when its numbers change.
  const slots = useApp(useShallow((s) => s.snapshot?.servers.map((v) => v.slot) ?? NONE));
  const names = useApp(useShallow((s) => s.snapshot?.servers.map((v) => v.name) ?? NONE));
  const rates = useApp(useShallow((s) => s.snapshot?.servers.map((v) => v.cacheHitRate) ?? NONE));
  const sizes = useApp(useShallow((s) => s.snapshot?.servers.map((v) => v.cacheSize) ?? NONE));
  const capacity = useApp((s) => s.snapshot?.cache.spec.capacity ?? 0);
  // Run-long rates move slowly: redraw the table once a second, not with every snapshot, so a
  // hundred rows do not cost a frame while the run plays.
  const shown = useThrottled({ rates, sizes }, slots.length > 10 ? 1000 : 0);
  const body = useMemo(
    () => rows(slots, names, shown.rates, shown.sizes, capacity),
    [slots, names, shown, capacity],
  );

  return (
    <table className="hashing-caches" data-testid="hashing.caches">
      <caption className="hashing-caption">Each server&apos;s own cache, over the run</caption>
      <thead>
        <tr>
          <th scope="col">Server</th>
          <th scope="col">Hit rate</th>
          <th scope="col">Entries</th>
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}

/** One row per server: name, hit rate with a bar, entries held. */
function rows(
  slots: readonly number[],
  names: readonly string[],
  rates: readonly (number | null)[],
  sizes: readonly number[],
  capacity: number,
) {
  return slots.map((slot, i) => {
    const rate = rates[i] ?? null;
    return (
      <tr key={slot} data-testid="hashing.cache" data-name={names[i]}>
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
