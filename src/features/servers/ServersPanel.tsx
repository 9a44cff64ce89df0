import { useRef } from 'react';
import { useApp, type AppState } from '../../store/hooks.tsx';
import { useColumn } from '../../store/serverColumn.ts';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { useWindowedList } from '../../ui/useWindowedList.ts';
import { ServerRow } from './ServerRow.tsx';
import { ServersOverload } from './ServersOverload.tsx';
import { nextServerName } from '../../lib/serverNames.ts';
import { formatCount } from '../../lib/format.ts';
import '../../ui/Controls.css';
import './ServersPanel.css';

const servers = (s: AppState) => s.snapshot?.servers;
const slotOf = (v: ServerSnapshot) => v.slot;
const nameOf = (v: ServerSnapshot) => v.name;

/**
 * The registered servers, one compact row each (live load, states, drain/crash/revive, remove,
 * edit with the faults to inject), and a button to add one. Long lists scroll inside the panel.
 */
export function ServersPanel() {
  const slots = useColumn(servers, slotOf);
  const names = useColumn(servers, nameOf);
  const upCount = useApp((s) => s.snapshot?.servers.filter((v) => v.up).length ?? 0);
  const command = useApp((s) => s.command);
  const ready = useApp((s) => s.snapshot !== null);
  const listRef = useRef<HTMLUListElement>(null);
  // Ten thousand servers render as the few dozen rows in view (rows measured as they render).
  const list = useWindowedList(slots.length, listRef, { estimate: 57 });

  function addServer(): void {
    const spec = {
      name: nextServerName(names),
      capacity: 3,
      weight: 1,
      speed: 1,
      queueLimit: 0,
      up: true,
      errorRate: 0,
      partitioned: false,
    };
    void command({ type: 'addServer', spec });
  }

  return (
    <section className="panel servers-panel" aria-labelledby="servers-title">
      <h2 id="servers-title">Servers</h2>
      <div className="servers-head">
        <span className="servers-count" data-testid="servers.count">
          {slots.length === 0 ? '' : `${formatCount(upCount)} of ${formatCount(slots.length)} up`}
        </span>
        <button
          type="button"
          className="btn btn-small"
          data-testid="servers.add"
          disabled={!ready}
          onClick={addServer}
        >
          <span aria-hidden="true">+</span> Add server
        </button>
      </div>
      <p className="servers-hint">
        Drain lets a server finish its requests; Crash fails them. Edit injects a spike, a sinkhole
        or a partition.
      </p>
      <ul ref={listRef} className="servers-list" aria-label="Servers">
        {/* The list scrolls itself, so the rows not rendered keep their room as spacers. */}
        {list.before > 0 && <li aria-hidden="true" style={{ height: list.before }} />}
        {list.indexes.map((index) => (
          <ServerRow
            key={slots[index]}
            slot={slots[index]!}
            index={index}
            measure={list.windowed ? list.measure : undefined}
            allNames={names}
            onlyOne={slots.length === 1}
          />
        ))}
        {list.after > 0 && <li aria-hidden="true" style={{ height: list.after }} />}
      </ul>
      <ServersOverload />
    </section>
  );
}
