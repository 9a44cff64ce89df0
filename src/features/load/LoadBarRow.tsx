import { memo } from 'react';
import { DOWN_COLOUR, QUEUED_OPACITY, serverColour } from '../../lib/palette.ts';
import { formatCount } from '../../lib/format.ts';

/** Props of {@link LoadBarRow}: plain numbers, so unchanged rows skip re-rendering. */
export interface LoadBarRowProps {
  readonly slot: number;
  readonly name: string;
  readonly up: boolean;
  readonly active: number;
  readonly queued: number;
  readonly capacity: number;
  readonly queueLimit: number | null;
  /** Taking nothing new while it finishes what it holds. */
  readonly draining?: boolean;
  /** The request count at the right end of the track (shared by all rows, so bars compare). */
  readonly scaleMax: number;
  /** Position in the list and the height measure of a windowed list (see useWindowedList). */
  readonly index?: number;
  readonly measure?: (el: Element | null) => void;
}

const share = (v: number, of: number) => Math.min(1, Math.max(0, v / of));
const pct = (v: number, of: number) => `${share(v, of) * 100}%`;

/** One server's load now: in service (solid), waiting (light band) against capacity (outline). */
export const LoadBarRow = memo(function LoadBarRow(p: LoadBarRowProps) {
  const colour = p.up ? serverColour(p.slot) : DOWN_COLOUR;
  const full = p.up && p.active >= p.capacity;
  // No mark for "no queue" (limit 0): it would sit on the capacity outline and say nothing.
  const limit = p.queueLimit === null || p.queueLimit === 0 ? null : p.capacity + p.queueLimit;
  const numbers = `${formatCount(p.active)}/${formatCount(p.capacity)}${p.queued > 0 ? ` +${formatCount(p.queued)} queued` : ''}`;
  return (
    <li
      ref={p.measure}
      data-index={p.index}
      className={`load-row${p.up ? '' : ' load-row--down'}`}
      data-testid="load.bar"
      data-name={p.name}
      data-active={p.active}
      data-queued={p.queued}
      data-draining={p.draining ? 'true' : undefined}
    >
      <span className="load-name" title={p.name}>
        <span className="load-swatch" style={{ background: colour }} aria-hidden="true" />
        <span className="load-name-text">{p.name}</span>
      </span>
      <span className="load-track" aria-hidden="true">
        <span className="load-capacity" style={{ width: pct(p.capacity, p.scaleMax) }} />
        {limit !== null && <span className="load-limit" style={{ left: pct(limit, p.scaleMax) }} />}
        {/* Fills move by transform (no layout per frame); both span the track, so translateX's
            percentage is a share of the track. */}
        <span
          className="load-active"
          style={{ transform: `scaleX(${share(p.active, p.scaleMax)})`, background: colour }}
        />
        <span
          className="load-queued"
          style={{
            transform: `translateX(${pct(p.active, p.scaleMax)}) scaleX(${share(p.queued, p.scaleMax)})`,
            background: colour,
            opacity: QUEUED_OPACITY,
          }}
        />
      </span>
      <span className="load-numbers">
        {numbers}
        {!p.up && <strong className="load-status"> down</strong>}
        {p.up && p.draining && <strong className="load-status"> draining</strong>}
        {full && <strong className="load-status"> full</strong>}
      </span>
    </li>
  );
});
