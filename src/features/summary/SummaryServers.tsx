import { useApp, useShallow } from '../../store/hooks.tsx';
import { redrawInterval } from '../../lib/redrawInterval.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { serverColour } from '../../lib/palette.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';

/**
 * Per-server totals in a compact table (with failures and ejections once there are any); row i is
 * the server in slot i (slots never move).
 */
export function SummaryServers() {
  const latest = useApp((s) => s.snapshot?.summary.servers);
  // A hundred rows redraw a few times a second, in a task of their own (see redrawInterval).
  const servers = useThrottled(latest, redrawInterval(latest?.length ?? 0));
  // Live slots, so a removed server's totals stay but are marked as removed.
  const live = useApp(useShallow((s) => s.snapshot?.servers.map((v) => v.slot) ?? []));
  if (!servers || servers.length === 0) return null;
  // Fault columns appear once there is something to count, so a calm run keeps a narrow table.
  const showFailed = servers.some((v) => v.failed > 0);
  const showEjections = servers.some((v) => v.ejections > 0);

  return (
    <table className="summary-servers" data-testid="summary.servers">
      <caption className="visually-hidden">Per-server totals</caption>
      <thead>
        <tr>
          <th scope="col">server</th>
          <th scope="col">served</th>
          <th scope="col">
            {showFailed || showEjections ? <abbr title="rejected">rej.</abbr> : 'rejected'}
          </th>
          {showFailed && (
            <th scope="col" title="Attempts that failed or timed out at this server">
              failed
            </th>
          )}
          {showEjections && (
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
        {servers.map((v, slot) => (
          <tr key={slot} data-testid="summary.server">
            <th scope="row">
              <span
                className="summary-swatch"
                style={{ background: serverColour(slot) }}
                aria-hidden="true"
              />
              <span className="summary-name">{v.name}</span>
              {!live.includes(slot) && <span className="summary-removed"> (removed)</span>}
            </th>
            <td>{formatCount(v.served)}</td>
            <td className={v.rejected > 0 ? 'summary-warn' : undefined}>
              {formatCount(v.rejected)}
            </td>
            {showFailed && (
              <td className={v.failed > 0 ? 'summary-warn' : undefined}>{formatCount(v.failed)}</td>
            )}
            {showEjections && <td>{v.ejections > 0 ? `${formatCount(v.ejections)}×` : '0'}</td>}
            <td>{formatPercent(v.utilization, 0)}</td>
            <td>{formatCount(v.peakActive)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
