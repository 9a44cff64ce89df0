import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import type { SweepPoint } from '../../engine/sweep/results.ts';

/** Props of {@link SweepPointGrid}. */
export interface SweepPointGridProps {
  readonly header: SweepHeader;
  readonly points: readonly SweepPoint[];
  /** Loads point `point` (strategy-major index) into the playground. */
  readonly onOpen: (point: number) => void;
}

/**
 * Progress per point: a row per strategy, a cell per value, each filled by the share of its
 * replications done and saying "3/5"; a point with a run done is a button that loads its setup
 * into the playground (as a click on the chart's point does).
 */
export function SweepPointGrid({ header, points, onOpen }: SweepPointGridProps) {
  const done = new Map(points.map((p) => [`${p.strategy}|${p.value}`, p.replications]));
  const total = header.replications;
  return (
    <table className="sweep-grid" data-testid="sweep.grid">
      <caption>Replications done per point</caption>
      <thead>
        <tr>
          <th scope="col">{header.vary.field}</th>
          {header.vary.values.map((v) => (
            <th key={v} scope="col">
              {v}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {header.strategies.map((s, si) => (
          <tr key={s}>
            <th scope="row">{STRATEGY_INFO[s].label}</th>
            {header.vary.values.map((v, vi) => {
              const n = done.get(`${s}|${v}`) ?? 0;
              return (
                <td
                  key={v}
                  className={n === total ? 'is-done' : n > 0 ? 'is-partial' : ''}
                  style={{ '--done': n / total } as React.CSSProperties}
                >
                  {n === 0 ? (
                    `0/${total}`
                  ) : (
                    <button
                      type="button"
                      className="sweep-grid-open"
                      aria-label={`${STRATEGY_INFO[s].label} at ${header.vary.field} ${v}, ${n} of ${total} replications: load this setup into the playground`}
                      onClick={() => onOpen(si * header.vary.values.length + vi)}
                    >
                      {n}/{total}
                    </button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
