import type { ComponentType } from 'react';
import { CachePanel } from '../features/cache/index.ts';
import { FlowPanel } from '../features/flow/index.ts';
import { LatencyPanel } from '../features/latency/index.ts';
import { LoadPanel } from '../features/load/index.ts';
import { OutcomesPanel } from '../features/outcomes/index.ts';
import { TimelinePanel } from '../features/timeline/index.ts';
import { useApp } from '../store/hooks.tsx';
import { PRESENT_CHARTS, type PresentChart } from '../store/viewSlice.ts';
import './PresentationLayout.css';

const CHARTS: Record<PresentChart, { readonly label: string; readonly Panel: ComponentType }> = {
  load: { label: 'Load per server', Panel: LoadPanel },
  timeline: { label: 'Throughput, rejections, latency', Panel: TimelinePanel },
  outcomes: { label: 'Outcomes over time', Panel: OutcomesPanel },
  latency: { label: 'Latency histogram', Panel: LatencyPanel },
  cache: { label: 'Cache', Panel: CachePanel },
};

/**
 * Presentation mode's page: the flow picture and the chart chosen here, side by side on a wide
 * screen and one above the other on a narrow one, in larger type; the toolbar above keeps the run
 * controls. The choice is in the address (`?present=<chart>`), so a link opens straight into it.
 */
export function PresentationLayout({ chart }: { readonly chart: PresentChart }) {
  const set = useApp((s) => s.view.setPresenting);
  const { Panel } = CHARTS[chart];
  return (
    <main className="presentation" data-testid="presentation">
      <div className="presentation-bar">
        <label className="presentation-pick">
          <span>Chart beside the flow</span>
          <select
            className="control-select"
            data-testid="present.chart"
            value={chart}
            onChange={(e) => set(e.target.value as PresentChart)}
          >
            {PRESENT_CHARTS.map((id) => (
              <option key={id} value={id}>
                {CHARTS[id].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" data-testid="present.exit" onClick={() => set(null)}>
          Leave presentation mode
        </button>
      </div>
      <div className="presentation-stage">
        <FlowPanel />
        <Panel />
      </div>
    </main>
  );
}
