import { useContext, useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { formatPercent } from '../../lib/format.ts';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { HitRateReferenceContext, type ChartReference } from '../../charts/chartReference.ts';
import { ReferenceLine } from '../../charts/ReferenceLine.tsx';
import './HitRateSparkline.css';
import '../../charts/reference.css';

/** Props of {@link HitRateSparkline}. */
export interface HitRateSparklineProps {
  /** Sample times in simulated ms, oldest first. */
  readonly time: Float64Array;
  /** Hit share (0..1) per sample; NaN where the cache was not consulted (drawn as a gap). */
  readonly rate: Float64Array;
  /** The latest hit share, for the chart's text alternative. */
  readonly latest: number | null;
  /** Chart height in px (the width follows the container). */
  readonly height?: number;
  /**
   * A hit rate theory predicts (the Che approximation), drawn as a dashed horizontal line; by
   * default the one HitRateReferenceContext provides.
   */
  readonly reference?: ChartReference | null;
}

const MARGIN = { top: 4, right: 4, bottom: 16, left: 34 };
/** Narrowest horizontal room per point before samples are averaged together. */
const PX_PER_POINT = 3;

interface Binned {
  readonly t: number[];
  readonly v: number[];
  /** Samples per point (1: raw samples). */
  readonly per: number;
}

/**
 * Means of `per` consecutive samples, so a 600-sample history in 250 px reads as a trend rather
 * than a barcode of 0 % / 100 % intervals with two lookups each. Bins are aligned to absolute
 * sample numbers, not to the window's start, so they do not shift as the window scrolls.
 */
function bin(time: Float64Array, rate: Float64Array, n: number, maxPoints: number): Binned {
  const per = Math.max(1, Math.ceil(n / Math.max(1, maxPoints)));
  const step = n > 1 ? (time[n - 1]! - time[0]!) / (n - 1) : 1;
  const t: number[] = [];
  const v: number[] = [];
  let current = NaN;
  let sum = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.floor(Math.round(time[i]! / step) / per);
    if (b !== current && i > 0) {
      v.push(k > 0 ? sum / k : NaN);
      sum = k = 0;
    }
    if (b !== current) t.push(time[i]!);
    else t[t.length - 1] = time[i]!;
    current = b;
    if (Number.isFinite(rate[i])) {
      sum += rate[i]!;
      k++;
    }
  }
  if (n > 0) v.push(k > 0 ? sum / k : NaN);
  return { t, v, per };
}

/**
 * The cache hit rate over simulated time as a small area chart, 0–100 %, with gaps where no
 * lookup happened (a quiet interval has no hit rate, not a 0 % one).
 */
export function HitRateSparkline(props: HitRateSparklineProps) {
  const { time, rate, latest, height = 72 } = props;
  const provided = useContext(HitRateReferenceContext);
  const reference = props.reference === undefined ? provided : props.reference;
  const frame = useChartFrame(height, MARGIN);
  const { width } = frame.plot;
  const n = Math.min(time.length, rate.length);
  const t0 = n > 0 ? time[0]! : 0;
  const t1 = n > 0 ? time[n - 1]! : 0;
  const plotWidth = Math.max(1, frame.plot.innerW);

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([t0, Math.max(t1, t0 + 1)])
        .range([MARGIN.left, MARGIN.left + plotWidth]),
    [t0, t1, plotWidth],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, 1])
        .range([height - MARGIN.bottom, MARGIN.top]),
    [height],
  );

  const shapes = useMemo(() => {
    const { t, v, per } = bin(time, rate, n, Math.floor(plotWidth / PX_PER_POINT));
    const idx = v.map((_, i) => i);
    const defined = (i: number) => Number.isFinite(v[i]);
    const fill = area<number>()
      .defined(defined)
      .x((i) => x(t[i]!))
      .y0(y(0))
      .y1((i) => y(v[i]!));
    const stroke = line<number>()
      .defined(defined)
      .x((i) => x(t[i]!))
      .y((i) => y(v[i]!));
    // A point between two gaps draws no line segment: mark it with a dot so it is not lost.
    const lone = idx.filter((i) => defined(i) && !defined(i - 1) && !defined(i + 1));
    const dots = lone.map((i) => ({ key: t[i]!, cx: x(t[i]!), cy: y(v[i]!) }));
    const spanS = n > 1 ? (((t1 - t0) / (n - 1)) * per) / 1000 : 0;
    return {
      fill: fill(idx) ?? '',
      stroke: stroke(idx) ?? '',
      dots,
      per,
      spanS,
      any: idx.some(defined),
    };
  }, [n, rate, time, x, y, plotWidth, t0, t1]);

  const averaged = shapes.per > 1 ? `, each point the mean of ${shapes.spanS.toFixed(1)} s` : '';
  const theory = reference
    ? `; ${reference.label} predicts ${formatPercent(reference.value, 0)} (dashed line)`
    : '';
  const title = `Cache hit rate from ${(t0 / 1000).toFixed(1)} s to ${(t1 / 1000).toFixed(1)} s of simulated time${averaged}; recent ${formatPercent(latest, 0)}${theory}`;
  const empty = shapes.any ? null : (
    <p className="hit-spark-empty">
      No cache lookups yet: the chart starts with the first request.
    </p>
  );
  return (
    <ChartFrame
      frame={frame}
      className="hit-spark"
      title={title}
      name="Cache hit rate"
      empty={empty}
    >
      {[0, 0.5, 1].map((v) => (
        <g key={v} className="hit-spark-grid">
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} />
          <text x={MARGIN.left - 4} y={y(v)} dy="0.32em" textAnchor="end">
            {v * 100}%
          </text>
        </g>
      ))}
      <path className="hit-spark-area" d={shapes.fill} />
      <path className="hit-spark-line" d={shapes.stroke} />
      {shapes.dots.map((d) => (
        <circle key={d.key} className="hit-spark-dot" cx={d.cx} cy={d.cy} r={2} />
      ))}
      {reference && (
        <ReferenceLine
          orient="horizontal"
          at={y(reference.value)}
          from={MARGIN.left}
          to={width - MARGIN.right}
          dash="5 3"
          label={`${reference.label} ${formatPercent(reference.value, 0)}`}
          labelAt={{
            x: width - MARGIN.right - 2,
            y: y(reference.value) + (reference.value > 0.85 ? 11 : -3),
          }}
          labelAnchor="end"
          testId="cache.reference"
        />
      )}
      <text className="hit-spark-axis" x={MARGIN.left} y={height - 3}>
        {(t0 / 1000).toFixed(1)} s
      </text>
      {shapes.per > 1 && (
        <text
          className="hit-spark-axis"
          x={MARGIN.left + plotWidth / 2}
          y={height - 3}
          textAnchor="middle"
        >
          {shapes.spanS.toFixed(1)} s means
        </text>
      )}
      <text className="hit-spark-axis" x={width - MARGIN.right} y={height - 3} textAnchor="end">
        {(t1 / 1000).toFixed(1)} s (simulated)
      </text>
    </ChartFrame>
  );
}
