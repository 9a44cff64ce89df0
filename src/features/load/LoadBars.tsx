import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { LoadBarRow } from './LoadBarRow.tsx';
import './LoadBars.css';

/** Props of {@link LoadBars}. */
export interface LoadBarsProps {
  readonly servers: readonly ServerSnapshot[];
}

/**
 * Every server's load now on one shared scale, so a longer bar means more requests. The scale
 * reaches the largest of capacity, capacity + queue limit (when finite) and current load.
 */
export function LoadBars({ servers }: LoadBarsProps) {
  const top = servers.reduce(
    (m, s) => Math.max(m, s.capacity + (s.queueLimit ?? 0), s.active + s.queued),
    1,
  );
  // A nice round end keeps the scale from twitching with every queued request.
  const scaleMax = useMemo(() => scaleLinear().domain([0, top]).nice(5).domain()[1] ?? top, [top]);
  const density =
    servers.length > 24 ? ' load-bars--dense' : servers.length > 10 ? ' load-bars--compact' : '';
  const list = (
    <ul className={`load-bars${density}`}>
      {servers.map((s) => (
        <LoadBarRow
          key={s.slot}
          slot={s.slot}
          name={s.name}
          up={s.up}
          active={s.active}
          queued={s.queued}
          capacity={s.capacity}
          queueLimit={s.queueLimit}
          scaleMax={scaleMax}
        />
      ))}
    </ul>
  );
  return servers.length > 24 ? (
    // Many servers scroll inside the panel; focusable so the keyboard can scroll it too.
    <div className="load-scroll" tabIndex={0} role="region" aria-label="Load per server (scrolls)">
      {list}
    </div>
  ) : (
    list
  );
}
