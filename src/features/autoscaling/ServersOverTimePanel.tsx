import { useMemo } from 'react';
import { TimeSeriesChart, type SeriesLine } from '../../charts/TimeSeriesChart.tsx';
import { formatRate } from '../../lib/format.ts';
import { INK, INK_SOFT } from '../../lib/palette.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { useApp } from '../../store/hooks.tsx';
import { metricScale, metricText, METRICS } from './autoscalingForm.ts';
import { FleetChart } from './FleetChart.tsx';
import { fleetBands, timeTick } from './fleetChartData.ts';
import '../../charts/charts.css';
import './autoscaling.css';

/** How often the picture redraws (ms of real time): the rows come every sync, not every frame. */
const REDRAW_MS = 200;

/**
 * The pool over the whole run under the traffic it served: the arrival rate, the metric against
 * its target, and the servers ready, starting and draining. Shown while the setup autoscales.
 */
export function ServersOverTimePanel() {
  const spec = useApp((s) => s.snapshot?.setup.autoscaling ?? null);
  const history = useApp((s) => s.scalingHistory);
  const version = useApp((s) => (s.snapshot?.scaling ? s.scalingHistory.version : -1));
  const now = useApp((s) => s.snapshot?.now ?? 0);
  const shown = useThrottled({ version, now }, REDRAW_MS);

  const data = useMemo(() => {
    void shown.version;
    const view = history.fleet();
    if (view.length === 0) return null;
    const end = Math.max(shown.now, view.time[view.length - 1]!);
    const xDomain: readonly [number, number] = [0, Math.max(1, end / 1000)];
    return { view, bands: fleetBands(view, end), xDomain };
  }, [history, shown]);

  if (spec === null) return null;
  const span = data ? data.xDomain[1] : 0;
  const metric = METRICS.find((m) => m.metric === spec.metric)!;
  const scale = metricScale(spec.metric);
  const lines = (() => {
    if (!data) return null;
    const target = new Float64Array(data.view.length).fill(spec.target * scale);
    const scaled = data.view.metric.map((v) => v * scale);
    const rate: SeriesLine[] = [
      {
        key: 'rate',
        label: 'arrivals',
        values: data.view.arrivalsPerSec,
        colour: INK,
        format: (v) => (Number.isFinite(v) ? formatRate(v) : '–'),
      },
    ];
    const versus: SeriesLine[] = [
      {
        key: 'metric',
        label: metric.label.toLowerCase(),
        values: scaled,
        colour: INK,
        format: (v) => metricText(spec.metric, v / scale),
      },
      {
        key: 'target',
        label: 'target',
        values: target,
        colour: INK_SOFT,
        dashed: true,
        format: (v) => metricText(spec.metric, v / scale),
      },
    ];
    return { rate, versus };
  })();

  return (
    <section className="panel" aria-labelledby="fleet-title" data-testid="autoscaling.overTime">
      <h2 id="fleet-title">Servers over time</h2>
      {data && lines ? (
        <>
          <TimeSeriesChart
            time={data.view.time}
            lines={lines.rate}
            yLabel="requests/s"
            xDomain={data.xDomain}
            height={100}
            showXLabels={false}
            testId="autoscaling.rateChart"
            name="Arrivals"
            title="Arrivals per second over the run, measured at each sync"
          />
          {spec.policy !== 'scheduled' && (
            <TimeSeriesChart
              time={data.view.time}
              lines={lines.versus}
              yLabel={metric.unit === '%' ? 'utilization (%)' : metric.label.toLowerCase()}
              xDomain={data.xDomain}
              height={100}
              showXLabels={false}
              testId="autoscaling.metricChart"
              name={`${metric.label} against target`}
              title={`${metric.label} at each sync against its target`}
            />
          )}
          <FleetChart
            bands={data.bands}
            xDomain={data.xDomain}
            tick={timeTick(span)}
            xLabel={span < 2 * 3600 ? 'simulated time (s)' : 'simulated time (h:mm)'}
            height={170}
          />
        </>
      ) : (
        <p className="chart-empty">The autoscaler’s first sync starts the picture.</p>
      )}
    </section>
  );
}
