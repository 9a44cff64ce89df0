import { useShallow, useApp } from '../../store/hooks.tsx';
import { ServerRow } from './ServerRow.tsx';
import { nextServerName } from '../../lib/serverNames.ts';
import '../../ui/Controls.css';
import './ServersPanel.css';

const NONE: readonly number[] = [];
const NO_NAMES: readonly string[] = [];

/**
 * The registered servers, one compact row each (live load, states, drain/crash/revive, remove,
 * edit with the faults to inject), and a button to add one. Long lists scroll inside the panel.
 */
export function ServersPanel() {
  const slots = useApp(useShallow((s) => s.snapshot?.servers.map((v) => v.slot) ?? NONE));
  const names = useApp(useShallow((s) => s.snapshot?.servers.map((v) => v.name) ?? NO_NAMES));
  const upCount = useApp((s) => s.snapshot?.servers.filter((v) => v.up).length ?? 0);
  const command = useApp((s) => s.command);
  const ready = useApp((s) => s.snapshot !== null);

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
        <span className="servers-count">
          {slots.length === 0 ? '' : `${upCount} of ${slots.length} up`}
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
      <ul className="servers-list" aria-label="Servers">
        {slots.map((slot) => (
          <ServerRow key={slot} slot={slot} allNames={names} onlyOne={slots.length === 1} />
        ))}
      </ul>
    </section>
  );
}
