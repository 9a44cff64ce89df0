import { memo } from 'react';
import type { RunSummary } from '../../engine/summary.ts';
import { serverColour } from '../../lib/palette.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';

/** The optional columns of the per-server table. */
export interface SummaryColumns {
  readonly failed: boolean;
  readonly ejections: boolean;
}

/** Props of {@link SummaryServerRow}. */
export interface SummaryServerRowProps {
  readonly slot: number;
  readonly server: RunSummary['servers'][number];
  /** It is no longer registered (its totals stay). */
  readonly removed: boolean;
  readonly columns: SummaryColumns;
  /** Position and height measure in a windowed table (see useWindowedList). */
  readonly index?: number;
  readonly measure?: (el: Element | null) => void;
  /** Rows left out after this one in a collapsed table. */
  readonly gapAfter?: { readonly hidden: number; readonly colSpan: number };
}

/** One server's totals: served, rejected, failed, ejections, utilization and peak. */
export const SummaryServerRow = memo(function SummaryServerRow(p: SummaryServerRowProps) {
  const v = p.server;
  const row = (
    <tr data-testid="summary.server" ref={p.measure} data-index={p.index}>
      <th scope="row">
        <span
          className="summary-swatch"
          style={{ background: serverColour(p.slot) }}
          aria-hidden="true"
        />
        <span className="summary-name">{v.name}</span>
        {p.removed && <span className="summary-removed"> (removed)</span>}
      </th>
      <td>{formatCount(v.served)}</td>
      <td className={v.rejected > 0 ? 'summary-warn' : undefined}>{formatCount(v.rejected)}</td>
      {p.columns.failed && (
        <td className={v.failed > 0 ? 'summary-warn' : undefined}>{formatCount(v.failed)}</td>
      )}
      {p.columns.ejections && <td>{v.ejections > 0 ? `${formatCount(v.ejections)}×` : '0'}</td>}
      <td>{formatPercent(v.utilization, 0)}</td>
      <td>{formatCount(v.peakActive)}</td>
    </tr>
  );
  if (!p.gapAfter) return row;
  const { hidden, colSpan } = p.gapAfter;
  return (
    <>
      {row}
      <tr className="summary-gap" data-testid="summary.gap">
        <td colSpan={colSpan}>
          … {formatCount(hidden)} more {hidden === 1 ? 'server' : 'servers'} …
        </td>
      </tr>
    </>
  );
});
