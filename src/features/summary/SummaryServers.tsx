import { useMemo, useRef, useState } from 'react';
import { useApp, type AppState } from '../../store/hooks.tsx';
import { useColumn } from '../../store/serverColumn.ts';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { redrawInterval } from '../../lib/redrawInterval.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { formatCount } from '../../lib/format.ts';
import { useWindowedList } from '../../ui/useWindowedList.ts';
import { SummaryServerRow, type SummaryColumns } from './SummaryServerRow.tsx';
import { ENDS, summaryRows } from './summaryRows.ts';

const liveServers = (s: AppState) => s.snapshot?.servers;
const slotOf = (v: ServerSnapshot) => v.slot;

/**
 * Per-server totals in a compact table (with failures and ejections once there are any); row i is
 * the server in slot i (slots never move). A large pool shows its busiest and least busy servers
 * until "Show all", which lists every server in a scrolling, windowed table.
 */
export function SummaryServers() {
  const latest = useApp((s) => s.snapshot?.summary.servers);
  // A hundred rows redraw a few times a second, in a task of their own (see redrawInterval).
  const servers = useThrottled(latest, redrawInterval(latest?.length ?? 0));
  // Live slots, so a removed server's totals stay but are marked as removed.
  const liveSlots = useColumn(liveServers, slotOf);
  const live = useMemo(() => new Set(liveSlots), [liveSlots]);
  const [all, setAll] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(
    () => summaryRows(servers?.map((v) => v.utilization) ?? [], all),
    [servers, all],
  );
  const windowed = useWindowedList(rows.slots.length, scrollRef, { estimate: 21, from: 100 });
  if (!servers || servers.length === 0) return null;
  // Fault columns appear once there is something to count, so a calm run keeps a narrow table.
  const columns: SummaryColumns = {
    failed: servers.some((v) => v.failed > 0),
    ejections: servers.some((v) => v.ejections > 0),
  };
  const width = 5 + (columns.failed ? 1 : 0) + (columns.ejections ? 1 : 0);
  const collapsible = rows.gapAfter !== null || all;
  const n = formatCount(servers.length);

  const table = (
    <table className="summary-servers" data-testid="summary.servers">
      <caption className={collapsible ? 'summary-servers-caption' : 'visually-hidden'}>
        {rows.gapAfter !== null
          ? `The ${ENDS} busiest and ${ENDS} least busy of ${n} servers, by utilization`
          : `Per-server totals${collapsible ? `, all ${n} servers` : ''}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">server</th>
          <th scope="col">served</th>
          <th scope="col">
            {columns.failed || columns.ejections ? <abbr title="rejected">rej.</abbr> : 'rejected'}
          </th>
          {columns.failed && (
            <th scope="col" title="Attempts that failed or timed out at this server">
              failed
            </th>
          )}
          {columns.ejections && (
            <th scope="col">
              <abbr title="Times outlier detection ejected it">ej.</abbr>
            </th>
          )}
          <th scope="col" title="Share of capacity in use, averaged over the run">
            util.
          </th>
          <th scope="col" title="Most requests in service at once">
            peak
          </th>
        </tr>
      </thead>
      <tbody>
        {windowed.before > 0 && <SpacerRow height={windowed.before} colSpan={width} />}
        {windowed.indexes.map((i) => {
          const slot = rows.slots[i]!;
          return (
            <SummaryServerRow
              key={slot}
              slot={slot}
              server={servers[slot]!}
              removed={!live.has(slot)}
              columns={columns}
              index={windowed.windowed ? i : undefined}
              measure={windowed.windowed ? windowed.measure : undefined}
              gapAfter={i === rows.gapAfter ? { hidden: rows.hidden, colSpan: width } : undefined}
            />
          );
        })}
        {windowed.after > 0 && <SpacerRow height={windowed.after} colSpan={width} />}
      </tbody>
    </table>
  );

  return (
    <>
      {windowed.windowed ? (
        <div
          ref={scrollRef}
          className="summary-servers-scroll"
          tabIndex={0}
          role="region"
          aria-label="Per-server totals (scrolls)"
        >
          {table}
        </div>
      ) : (
        table
      )}
      {collapsible && (
        <button
          type="button"
          className="btn btn-small summary-servers-toggle"
          data-testid="summary.showAll"
          aria-expanded={all}
          onClick={() => setAll((a) => !a)}
        >
          {all ? 'Show the busiest and least busy only' : `Show all ${n} servers`}
        </button>
      )}
    </>
  );
}

/** The height of the rows not rendered, above or below those in view. */
function SpacerRow({ height, colSpan }: { readonly height: number; readonly colSpan: number }) {
  return (
    <tr aria-hidden="true" className="summary-spacer">
      <td colSpan={colSpan} style={{ height }} />
    </tr>
  );
}
