import { Fragment } from 'react';
import { bestColumns, visibleRows } from './compareRows.ts';
import type { CompareResult } from '../../worker/protocol.ts';
import { strategyTitle } from './compareLabels.ts';

/** Props of {@link CompareTable}. */
export interface CompareTableProps {
  readonly result: CompareResult;
}

/**
 * The comparison's numbers: one column per strategy, one row per measure, with the best value of
 * each row starred where it is ahead beyond noise (see compareNoise.ts) and the better direction
 * named beside the measure.
 */
export function CompareTable({ result }: CompareTableProps) {
  const variants = result.variants;
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare.table">
        <caption className="visually-hidden">
          Results per strategy on the same workload; a star marks the best value of a row where it
          is ahead beyond chance
        </caption>
        <thead>
          <tr>
            <th scope="col">measure</th>
            {variants.map((v, i) => (
              <th key={i} scope="col" data-strategy={v.strategy}>
                {strategyTitle(v)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visibleRows(variants).map((row) => {
            const best = bestColumns(row, variants);
            return (
              <tr key={row.id} title={row.hint}>
                <th scope="row">
                  {row.label}
                  {row.better && (
                    <span className="compare-direction">
                      {row.better === 'higher' ? 'higher is better' : 'lower is better'}
                    </span>
                  )}
                </th>
                {variants.map((v, i) => (
                  <td
                    key={i}
                    data-testid="compare.cell"
                    data-row={row.id}
                    data-strategy={v.strategy}
                    className={best.has(i) ? 'is-best' : undefined}
                  >
                    {row.format(row.value(v))}
                    {best.has(i) && (
                      <span className="compare-best" data-testid="compare.best">
                        <span aria-hidden="true"> ★</span>
                        <span className="visually-hidden"> (best)</span>
                      </span>
                    )}
                    {row.id === 'spread' && v.spread.cv !== null && (
                      <Fragment>
                        <br />
                        <span className="compare-sub">CV {v.spread.cv.toFixed(2)}</span>
                      </Fragment>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
