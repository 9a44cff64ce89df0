import { useMemo, useRef } from 'react';
import { useWindowedList } from '../../ui/useWindowedList.ts';
import { scaleLinear } from 'd3-scale';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { LoadBarRow } from './LoadBarRow.tsx';
import './LoadBars.css';

/** Props of {@link LoadBars}. */
export interface LoadBarsProps {
  readonly servers: readonly ServerSnapshot[];
  /** Servers the autoscaler ordered that are still booting: listed, with no load yet. */
  readonly starting?: readonly { readonly name: string; readonly readyAt: number }[];
  readonly now?: number;
}

/**
 * Every server's load now on one shared scale, so a longer bar means more requests. The scale
 * reaches the largest of capacity, capacity + queue limit (when finite) and current load.
 */
export function LoadBars({ servers, starting = [], now = 0 }: LoadBarsProps) {
  const top = servers.reduce(
    (m, s) => Math.max(m, s.capacity + (s.queueLimit ?? 0), s.active + s.queued),
    1,
  );
  // A nice round end keeps the scale from twitching with every queued request.
  const scaleMax = useMemo(() => scaleLinear().domain([0, top]).nice(5).domain()[1] ?? top, [top]);
  const density =
    servers.length > 24 ? ' load-bars--dense' : servers.length > 10 ? ' load-bars--compact' : '';
  const scrollRef = useRef<HTMLDivElement>(null);
  // Past a hundred rows only those in view render (a pool of ten thousand is a few dozen rows).
  const rows = useWindowedList(servers.length, scrollRef, { estimate: 15, from: 100, gap: 1 });
  const list = (
    <ul
      className={`load-bars${density}`}
      style={rows.windowed ? { paddingTop: rows.before, paddingBottom: rows.after } : undefined}
    >
      {rows.indexes.map((index) => {
        const s = servers[index]!;
        return (
          <LoadBarRow
            key={s.slot}
            slot={s.slot}
            name={s.name}
            up={s.up}
            active={s.active}
            queued={s.queued}
            capacity={s.capacity}
            queueLimit={s.queueLimit}
            draining={s.draining}
            scaleMax={scaleMax}
            index={rows.windowed ? index : undefined}
            measure={rows.windowed ? rows.measure : undefined}
          />
        );
      })}
      {starting.map((s) => (
        <li
          key={`starting-${s.name}`}
          className="load-row load-row--starting"
          data-testid="load.starting"
          data-name={s.name}
        >
          <span className="load-name" title={s.name}>
            <span className="load-swatch load-swatch--starting" aria-hidden="true" />
            <span className="load-name-text">{s.name}</span>
          </span>
          <span className="load-track load-track--starting" aria-hidden="true" />
          <span className="load-numbers">
            starting, {Math.max(0, Math.ceil((s.readyAt - now) / 1000))} s to go
          </span>
        </li>
      ))}
    </ul>
  );
  return servers.length > 24 ? (
    // Many servers scroll inside the panel; focusable so the keyboard can scroll it too.
    <div
      ref={scrollRef}
      className="load-scroll"
      tabIndex={0}
      role="region"
      aria-label="Load per server (scrolls)"
    >
      {list}
    </div>
  ) : (
    list
  );
}
