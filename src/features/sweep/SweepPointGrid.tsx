import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import type { SweepPoint } from '../../engine/sweep/results.ts';

/** Props of {@link SweepPointGrid}. */
export interface SweepPointGridProps {
  readonly header: SweepHeader;
  readonly points: readonly SweepPoint[];
}

/**
 * Progress per point: a row per strategy, a cell per value, each filled by the share of its
 * replications done and saying "3/5".
 */
export function SweepPointGrid({ header, points }: SweepPointGridProps) {
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
        {header.strategies.map((s) => (
          <tr key={s}>
            <th scope="row">{STRATEGY_INFO[s].label}</th>
            {header.vary.values.map((v) => {
              const n = done.get(`${s}|${v}`) ?? 0;
              return (
                <td
                  key={v}
                  className={n === total ? 'is-done' : n > 0 ? 'is-partial' : ''}
                  style={{ '--done': n / total } as React.CSSProperties}
                  title={`${n} of ${total} replications done`}
                >
                  {n}/{total}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
