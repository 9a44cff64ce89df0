import { useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { useElementSize } from '../lib/useElementSize.ts';
import { ChartDownload } from './ChartDownload.tsx';
import './charts.css';

/** Room around a chart's plot for its axes and labels, in px. */
export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Where a chart may draw: the svg's width and the plot inside the margins. */
export interface Plot {
  /** The svg's width (the container's). */
  readonly width: number;
  readonly height: number;
  readonly margin: Margin;
  /** The plot's left, right, top and bottom edges in svg coordinates. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The plot's width and height (never negative). */
  readonly innerW: number;
  readonly innerH: number;
}

/** A chart's measured frame: the element to measure, and its plot once the width is known. */
export interface Frame {
  readonly ref: RefObject<HTMLDivElement | null>;
  /** The plot area; its width is 0 until the container's is known (nothing is drawn then). */
  readonly plot: Plot;
}

/** The plot area of an svg `width` × `height` with `margin` around it. */
export function plotArea(width: number, height: number, margin: Margin): Plot {
  const innerW = Math.max(0, width - margin.left - margin.right);
  const innerH = Math.max(0, height - margin.top - margin.bottom);
  return {
    width,
    height,
    margin,
    left: margin.left,
    right: margin.left + innerW,
    top: margin.top,
    bottom: margin.top + innerH,
    innerW,
    innerH,
  };
}

/**
 * Measures a chart's container (ResizeObserver) and gives its plot area: `height` tall, as wide
 * as the container, `margin` around the plot. Charts memoise their scales on the plot's size.
 */
export function useChartFrame(height: number, margin: Margin): Frame {
  const [ref, { width }] = useElementSize<HTMLDivElement>();
  const { top, right, bottom, left } = margin;
  const plot = useMemo(
    () => plotArea(width, height, { top, right, bottom, left }),
    [width, height, top, right, bottom, left],
  );
  return { ref, plot };
}

/** Props of {@link ChartFrame}. */
export interface ChartFrameProps {
  readonly frame: Frame;
  /** Accessible name of the picture, e.g. "Throughput and rejections over time". */
  readonly title: string;
  /**
   * The chart's short name, e.g. "Outcomes over time": the title and file name of its SVG and
   * PNG downloads. Without it the chart offers no download.
   */
  readonly name?: string;
  readonly testId?: string;
  /** Shown above the picture: usually a {@link ChartLegend}. */
  readonly legend?: ReactNode;
  /** Extra class names for the chart's container. */
  readonly className?: string;
  /** Shown instead of the picture when there is nothing to draw yet (e.g. "No lookups yet"). */
  readonly empty?: ReactNode;
  /** The picture: axes, marks, reference lines (drawn once the width is known). */
  readonly children: ReactNode;
}

/**
 * The frame every chart shares: a legend above (with the download button beside it), then an
 * svg as wide as its container with its accessible name, sized by {@link useChartFrame}. Nothing
 * is drawn until the width is known.
 */
export function ChartFrame(props: ChartFrameProps) {
  const { frame, title, name, testId, legend, className, empty, children } = props;
  const { ref, plot } = frame;
  const whole = useRef<HTMLDivElement>(null);
  const drawn = !empty && plot.width > 0;
  return (
    <div ref={whole} className={className ? `chart ${className}` : 'chart'}>
      {(legend || (name && drawn)) && (
        <div className="chart-head">
          {legend}
          {name && drawn && <ChartDownload target={whole} name={name} />}
        </div>
      )}
      <div ref={ref}>
        {empty}
        {!empty && plot.width > 0 && (
          <svg
            width={plot.width}
            height={plot.height}
            role="img"
            aria-label={title}
            data-testid={testId}
          >
            {children}
          </svg>
        )}
      </div>
    </div>
  );
}
