import { useMemo } from 'react';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { CompareLatencyChart } from './CompareLatencyChart.tsx';
import { UtilizationBars } from './UtilizationBars.tsx';
import type { CompareResult } from '../../worker/protocol.ts';
import { strategyTitle } from './compareLabels.ts';

/** Props of {@link CompareCharts}. */
export interface CompareChartsProps {
  readonly result: CompareResult;
}

/**
 * Small multiples, one column per strategy: p99 (and p50) latency over time, then each server's
 * utilization. Every chart of a kind uses the same axes, so heights compare across columns.
 */
export function CompareCharts({ result }: CompareChartsProps) {
  const { xDomain, yDomain } = useMemo(() => {
    const end = max(result.variants, (v) => v.endMs) ?? 0;
    const top =
      max(result.variants, (v) => max(v.series.p99, (x) => (Number.isFinite(x) ? x : undefined))) ??
      0;
    const [, yTop = 1] = scaleLinear()
      .domain([0, Math.max(1, top)])
      .nice(3)
      .domain();
    return {
      xDomain: [0, Math.max(end / 1000, 0.1)] as const,
      yDomain: [0, yTop] as const,
    };
  }, [result]);
  const pointS = result.workload.pointMs / 1000;
  const merged = result.workload.mergedIntervals;

  return (
    <div className="compare-charts">
      <p className="compare-legend">
        <span>
          <svg width={22} height={8} aria-hidden="true">
            <line x1={1} x2={21} y1={4} y2={4} stroke="var(--accent)" strokeWidth={2} />
          </svg>{' '}
          p99
        </span>
        <span>
          <svg width={22} height={8} aria-hidden="true">
            <line
              x1={1}
              x2={21}
              y1={4}
              y2={4}
              stroke="var(--ink-muted)"
              strokeWidth={2}
              strokeDasharray="4 3"
            />
          </svg>{' '}
          p50
        </span>
        <span>
          per {pointS} s of simulated time
          {merged > 1 ? ` (the highest of ${merged} intervals)` : ''}; every chart of a kind shares
          its axes.
        </span>
      </p>
      <div className="compare-grid">
        {result.variants.map((v, i) => {
          const name = strategyTitle(v);
          return (
            <figure key={i} className="compare-column" data-strategy={v.strategy}>
              <figcaption>{name}</figcaption>
              <CompareLatencyChart
                time={v.series.time}
                p99={v.series.p99}
                p50={v.series.p50}
                xDomain={xDomain}
                yDomain={yDomain}
                title={`p99 and p50 latency over time, ${name}`}
              />
              <UtilizationBars
                utilization={v.utilization}
                names={v.summary.servers.map((s) => s.name)}
                title={`Utilization per server, ${name}`}
              />
            </figure>
          );
        })}
      </div>
    </div>
  );
}
