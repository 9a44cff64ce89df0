import { useMemo, useState } from 'react';
import { isHashMethod, keysMoved, type HashServer } from '../../engine/hashing/keyMovement.ts';
import { STRATEGY_INFO, type StrategyChoice } from '../../engine/strategies/index.ts';
import { formatPercent } from '../../lib/format.ts';
import { useShallow, useApp, type AppState } from '../../store/hooks.tsx';
import { useColumn } from '../../store/serverColumn.ts';
import { HashingCaches } from './HashingPanel.caches.tsx';
import { HashingMethods } from './HashingPanel.methods.tsx';
import { nextServerName } from '../../lib/serverNames.ts';
import '../../ui/Controls.css';
import './HashingPanel.css';

const setupServers = (s: AppState) => s.snapshot?.setup.servers;
const nameOf = (v: { readonly name: string }) => v.name;

/** What the last button press did, as a sentence. */
function movedText(verb: string, name: string, strategy: StrategyChoice, share: string | null) {
  const label = STRATEGY_INFO[strategy].label;
  if (share === null) {
    return `${verb} ${name}. ${label} does not tie keys to servers, so no key had a home to move from.`;
  }
  return `${verb} ${name} under ${label}: ${share} moved to a different server.`;
}

/**
 * Hashing and cache locality: how many keys change server when a server is removed or added,
 * under modulo hashing, consistent hashing and Maglev side by side, buttons to do it for real, and
 * each server's own cache hit rate, which is what locality is for.
 */
export function HashingPanel() {
  const strategy = useApp((s) => s.snapshot?.strategy ?? null);
  const placement = useApp((s) => s.snapshot?.cache.spec.placement ?? null);
  const names = useColumn(setupServers, nameOf);
  const count = useApp((s) => s.snapshot?.setup.keys.count ?? 1);
  const zipf = useApp((s) => s.snapshot?.setup.keys.zipf ?? 0);
  const virtualNodes = useApp((s) => s.snapshot?.setup.strategyOptions.virtualNodes ?? 100);
  const last = useApp(useShallow((s) => s.snapshot?.setup.servers.at(-1) ?? null));
  const lastSlot = useApp((s) => {
    const name = s.snapshot?.setup.servers.at(-1)?.name;
    return s.snapshot?.servers.find((v) => v.name === name)?.slot ?? -1;
  });
  const command = useApp((s) => s.command);
  const [report, setReport] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Hashing places a server by its name alone (weights are not used), so names are the input.
  const servers = useMemo<HashServer[]>(() => names.map((name) => ({ name, weight: 1 })), [names]);
  const addedName = nextServerName(names);
  const hashing = strategy !== null && isHashMethod(strategy);

  async function change(kind: 'remove' | 'add'): Promise<void> {
    if (strategy === null || last === null) return;
    const name = kind === 'remove' ? last.name : addedName;
    const after =
      kind === 'remove' ? servers.slice(0, -1) : [...servers, { name: addedName, weight: 1 }];
    setBusy(true);
    const ok = await (kind === 'remove'
      ? command({ type: 'removeServer', slot: lastSlot })
      : command({
          type: 'addServer',
          // Like the last server, so only the hashing changes; a new server starts healthy.
          spec: { ...last, name, up: true, errorRate: 0, partitioned: false },
        }));
    setBusy(false);
    if (!ok) return;
    let share: string | null = null;
    if (isHashMethod(strategy)) {
      const m = keysMoved(strategy, { virtualNodes }, servers, after, { count, zipf });
      share = `${formatPercent(m.keyShare)} of keys (${formatPercent(m.trafficShare)} of traffic)`;
    }
    setReport(movedText(kind === 'remove' ? 'Removed' : 'Added', name, strategy, share));
  }

  return (
    <section
      className="panel hashing-panel"
      aria-labelledby="hashing-title"
      data-testid="hashing.panel"
    >
      <h2 id="hashing-title">Hashing &amp; cache locality</h2>
      {strategy === null ? (
        <p className="hashing-muted">Waiting for the simulation…</p>
      ) : (
        <div className="hashing-body">
          <div className="hashing-main">
            {!hashing && (
              <p className="hashing-status" data-testid="hashing.notHash">
                {STRATEGY_INFO[strategy].label} is not a hash strategy: keys are not tied to
                servers, so any server may get any key. Pick Modulo hash, Consistent hash or Maglev
                to keep each key on one server.
              </p>
            )}
            <HashingMethods
              servers={servers}
              addedName={addedName}
              keys={{ count, zipf }}
              virtualNodes={virtualNodes}
              current={strategy}
            />
            <div className="hashing-actions">
              <button
                type="button"
                className="btn"
                data-testid="hashing.remove"
                disabled={busy || names.length <= 1 || lastSlot < 0}
                onClick={() => void change('remove')}
              >
                Remove last server
              </button>
              <button
                type="button"
                className="btn"
                data-testid="hashing.add"
                disabled={busy || last === null}
                onClick={() => void change('add')}
              >
                Add a server
              </button>
            </div>
            <p className="hashing-moved" data-testid="hashing.moved" aria-live="polite">
              {report ??
                'Remove or add a server to see how many keys move under the strategy in use.'}
            </p>
          </div>
          <div className="hashing-side">
            {placement === 'per-server' ? (
              <HashingCaches />
            ) : (
              <p className="hashing-status" data-testid="hashing.notPerServer">
                {placement === 'off'
                  ? 'Caching is off, so there is no cache to keep warm and locality does not matter.'
                  : 'The cache is shared by all servers, so it does not matter which server a key ' +
                    'lands on: locality does not matter. Choose “Per server” in the Cache panel to ' +
                    'give each server its own cache.'}
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
