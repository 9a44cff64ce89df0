import './reference.css';

/** Props of {@link ReferenceLine}. */
export interface ReferenceLineProps {
  /** A horizontal line across the plot at y, or a vertical one at x. */
  readonly orient: 'horizontal' | 'vertical';
  /** Where the line sits: a y for a horizontal line, an x for a vertical one (svg px). */
  readonly at: number;
  /** Where it starts and ends along the other axis (svg px). */
  readonly from: number;
  readonly to: number;
  /** The label, e.g. "Che 42%" or "M/M/1 mean 200 ms (theory)". */
  readonly label: string;
  /** Where the label's anchor sits, relative to the line's start (vertical) or end (horizontal). */
  readonly labelAt: { readonly x: number; readonly y: number };
  readonly labelAnchor?: 'start' | 'end';
  readonly dash?: string;
  readonly testId?: string;
}

/**
 * A value theory predicts, drawn next to what was measured: a dashed green line with its label,
 * never mistaken for data (reference.css). Shared by the charts that show one.
 */
export function ReferenceLine(props: ReferenceLineProps) {
  const { orient, at, from, to, label, labelAt, labelAnchor = 'start', dash = '4 3' } = props;
  const line =
    orient === 'horizontal'
      ? { x1: from, x2: to, y1: at, y2: at }
      : { x1: at, x2: at, y1: from, y2: to };
  return (
    <g className="chart-reference" data-testid={props.testId}>
      <line {...line} strokeDasharray={dash} />
      <text x={labelAt.x} y={labelAt.y} textAnchor={labelAnchor}>
        {label}
      </text>
    </g>
  );
}
