import { useMemo, useState } from 'react';
import {
  HASH_METHODS,
  keysHeld,
  keysMoved,
  type HashMethod,
  type HashServer,
  type KeyMovement,
} from '../../engine/hashing/keyMovement.ts';
import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { hashingNote } from './hashingNote.ts';
import { countOf } from '../../lib/words.ts';

/** Props of {@link HashingMethods}. */
export interface HashingMethodsProps {
  /** The registered servers, in registry order. */
  readonly servers: readonly HashServer[];
  /** The name "Add a server" would give the new server (hashing places servers by name). */
  readonly addedName: string;
  readonly keys: { readonly count: number; readonly zipf: number };
  readonly virtualNodes: number;
  /** The strategy now placing requests, marked in the table. */
  readonly current: string | null;
}

/** A change's figure and its bound: the keys the server leaving (or joining) holds. */
interface Change {
  readonly moved: KeyMovement;
  readonly least: KeyMovement;
}

/** Past this many servers the table is worked out when asked (see HashingMethods). */
export const COMPUTE_ON_REQUEST_FROM = 200;

interface Row {
  readonly method: HashMethod;
  readonly remove: Change | null;
  readonly add: Change;
}

/**
 * The three hashing methods side by side: what share of keys (and of traffic) would land on a
 * different server if the last server were removed or one added. Computed with the balancer's own
 * hash functions for the current servers and key space.
 */
export function HashingMethods({
  servers,
  addedName,
  keys,
  virtualNodes,
  current,
}: HashingMethodsProps) {
  const { count, zipf } = keys;
  // A big pool's rings and tables take seconds to build: work them out when asked, not on every
  // change to the pool, so opening ten thousand servers never freezes the page.
  const inputs = `${servers.length}|${servers.at(-1)?.name}|${addedName}|${count}|${zipf}|${virtualNodes}`;
  const onRequest = servers.length > COMPUTE_ON_REQUEST_FROM;
  const [asked, setAsked] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const rows = useMemo<Row[] | null>(() => {
    if (onRequest && asked !== inputs) return null;
    const keySpace = { count, zipf };
    const options = { virtualNodes };
    const removed = servers.slice(0, -1);
    const leaving = servers.at(-1)?.name ?? '';
    const added = [...servers, { name: addedName, weight: 1 }];
    return HASH_METHODS.map((method) => ({
      method,
      remove:
        servers.length > 1
          ? {
              moved: keysMoved(method, options, servers, removed, keySpace),
              least: keysHeld(method, options, servers, leaving, keySpace),
            }
          : null,
      add: {
        moved: keysMoved(method, options, servers, added, keySpace),
        least: keysHeld(method, options, added, addedName, keySpace),
      },
    }));
  }, [servers, addedName, count, zipf, virtualNodes, onRequest, asked, inputs]);
  const n = servers.length;
  if (rows === null) {
    const busy = working === inputs;
    return (
      <div className="hashing-methods">
        <p className="hashing-note" data-testid="hashing.onRequest">
          With {formatCount(n)} servers, working out how many keys each hashing method would move
          takes a few seconds, so it is done when you ask.{' '}
          <button
            type="button"
            className="btn btn-small"
            data-testid="hashing.compute"
            disabled={busy}
            onClick={() => {
              setWorking(inputs);
              // Paint "working" first: the computation holds the page until it is done.
              window.setTimeout(() => setAsked(inputs), 50);
            }}
          >
            {busy ? 'Working it out…' : 'Work it out'}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="hashing-methods">
      <table className="hashing-table">
        <caption className="hashing-caption">
          Keys that would land on a different server, a cold cache
        </caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">
              Remove {servers.at(-1)?.name ?? 'a server'}
              <span className="hashing-count">
                {n} → {countOf(n - 1, 'server')}
              </span>
            </th>
            <th scope="col">
              Add {addedName}
              <span className="hashing-count">
                {n} → {n + 1} servers
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.method}
              data-testid="hashing.method"
              data-method={row.method}
              className={row.method === current ? 'is-current' : undefined}
            >
              <th scope="row">
                {STRATEGY_INFO[row.method].label}
                {row.method === current && <span className="hashing-badge">in use</span>}
              </th>
              <MovedCell change={row.remove} />
              <MovedCell change={row.add} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hashing-note" data-testid="hashing.note">
        {hashingNote(n, count)}
      </p>
    </div>
  );
}

/** One share: keys in bold with a bar, traffic below it, and the least any method could move. */
function MovedCell({ change }: { readonly change: Change | null }) {
  if (change === null) return <td className="hashing-cell">–</td>;
  const { moved, least } = change;
  return (
    <td className="hashing-cell">
      <span className="hashing-keys">
        <span className="hashing-share">{formatPercent(moved.keyShare)}</span> of keys
      </span>
      <span className="hashing-bar" aria-hidden="true">
        <span className="hashing-bar-fill" style={{ width: `${moved.keyShare * 100}%` }} />
      </span>
      <span className="hashing-traffic">{formatPercent(moved.trafficShare)} of traffic</span>
      <span className="hashing-least" data-testid="hashing.least">
        least possible {formatPercent(least.keyShare)}
      </span>
    </td>
  );
}
