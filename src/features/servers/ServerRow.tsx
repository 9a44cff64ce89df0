import { useRef, useState } from 'react';
import { serverColour } from '../../lib/palette.ts';
import { formatCount } from '../../lib/format.ts';
import { useShallow, useApp, type PlaygroundState } from '../../store/hooks.tsx';
import { ServerBadges } from './ServerBadges.tsx';
import { ServerEditor } from './ServerEditor.tsx';
import { useInView } from '../../lib/useInView.ts';

/** Props of {@link ServerRow}. */
export interface ServerRowProps {
  /** The server's slot: its identity and colour for the whole run. */
  readonly slot: number;
  /** Where the server is in the snapshot's list (a hint: the row finds it by slot otherwise). */
  readonly index: number;
  /** Measures the row's height for a windowed list (see useWindowedList). */
  readonly measure?: (el: Element | null) => void;
  /** Every server's name, for the editor's uniqueness check. */
  readonly allNames: readonly string[];
  /** The last server may not be removed (a run needs one). */
  readonly onlyOne: boolean;
}

/**
 * The fields a row shows; picked (and rounded: whole seconds of an ejection, whole percent of a
 * slow start) so that ticks of the clock and of served totals do not re-render it.
 */
function pick(slot: number, index: number) {
  return (s: PlaygroundState) => {
    const snap = s.snapshot;
    // The hint makes this O(1) per row, so a store update costs the rows in view, not the pool.
    const hinted = snap?.servers[index];
    const v = hinted?.slot === slot ? hinted : snap?.servers.find((x) => x.slot === slot);
    if (!snap || !v) return null;
    const { name, up, active, queued, capacity, queueLimit, weight, speed } = v;
    const { believedUp, draining, partitioned, ejected, breaker, errorRate, spike, failed } = v;
    return {
      ...{ name, up, active, queued, capacity, queueLimit, weight, speed },
      ...{ believedUp, draining, partitioned, ejected, breaker, errorRate, spike, failed },
      ejectedInS:
        v.ejectedUntil === null ? null : Math.max(0, Math.ceil((v.ejectedUntil - snap.now) / 1000)),
      slowStart: v.slowStart === null ? null : Math.round(v.slowStart * 100) / 100,
      full: active + queued >= capacity + (queueLimit ?? Infinity),
    };
  };
}

/** One server: colour, name, live load against capacity, its states, and its actions. */
export function ServerRow({ slot, index, measure, allNames, onlyOne }: ServerRowProps) {
  const ref = useRef<HTMLLIElement>(null);
  // A row scrolled out of the list keeps its last numbers instead of re-rendering with each
  // snapshot: with a hundred servers only the few in view pay for live updates.
  const inView = useInView(ref);
  const last = useRef<ReturnType<ReturnType<typeof pick>>>(null);
  const server = useApp(
    useShallow((s: PlaygroundState) =>
      inView || last.current === null ? pick(slot, index)(s) : last.current,
    ),
  );
  // The store's selector reads this between renders; no render output depends on the ref itself.
  // eslint-disable-next-line react-hooks/refs
  last.current = server;
  const command = useApp((s) => s.command);
  const [editing, setEditing] = useState(false);
  if (!server) return null;

  const { name, up, draining, active, queued, capacity } = server;
  const fill = Math.min(1, active / capacity);
  const editorId = `server-${slot}-editor`;
  // Pressed while the server is out of service by drain (or down); pressing it again while
  // draining takes the server back.
  const drained = !up || draining;

  return (
    <li
      ref={(el) => {
        ref.current = el;
        measure?.(el);
      }}
      data-index={index}
      className={`server-row ${up ? 'is-up' : 'is-down'}`}
      data-testid="server.row"
      data-name={name}
    >
      <div className="server-line">
        <span
          className="server-swatch"
          style={{ background: serverColour(slot) }}
          aria-hidden="true"
        />
        <span className="server-name" title={name}>
          {name}
        </span>
        <span className="server-actions">
          <button
            type="button"
            className="btn btn-small"
            data-testid="server.kill"
            aria-pressed={drained}
            aria-label={`Drain ${name}`}
            title={
              draining
                ? 'Draining: press again to take new requests again'
                : 'Drain: take no new requests, finish those held, then go down'
            }
            disabled={!up}
            onClick={() => void command({ type: draining ? 'reviveServer' : 'killServer', slot })}
          >
            Drain
          </button>
          {up ? (
            <button
              type="button"
              className="btn btn-small server-crash"
              data-testid="server.crash"
              aria-label={`Crash ${name}`}
              title="Crash: down at once, the requests it holds fail"
              onClick={() => void command({ type: 'crashServer', slot })}
            >
              Crash
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-small"
              data-testid="server.revive"
              aria-label={`Revive ${name}`}
              title="Bring it back up"
              onClick={() => void command({ type: 'reviveServer', slot })}
            >
              Revive
            </button>
          )}
          <button
            type="button"
            className="btn btn-small"
            data-testid="server.edit"
            aria-expanded={editing}
            aria-controls={editing ? editorId : undefined}
            aria-label={`Edit ${name}: settings and faults`}
            title="Settings and faults (spike, sinkhole, partition)"
            onClick={() => setEditing((e) => !e)}
          >
            Edit
          </button>
          <button
            type="button"
            className="btn btn-small server-remove"
            data-testid="server.remove"
            aria-label={`Remove ${name}`}
            title={onlyOne ? 'A run needs at least one server' : `Remove ${name}`}
            disabled={onlyOne}
            onClick={() => void command({ type: 'removeServer', slot })}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      </div>
      <div className="server-load">
        <span className="server-bar" aria-hidden="true">
          <span
            className="server-bar-fill"
            style={{ background: serverColour(slot), transform: `scaleX(${fill})` }}
          />
        </span>
        <span className="server-load-text" data-testid="server.load">
          {formatCount(active)}/{formatCount(capacity)}
          {queued > 0 && <span className="server-queued"> +{formatCount(queued)} queued</span>}
        </span>
        <ServerBadges facts={server} />
      </div>
      {editing && (
        <ServerEditor
          id={editorId}
          slot={slot}
          server={server}
          otherNames={allNames.filter((n) => n !== name)}
        />
      )}
    </li>
  );
}
