import { memo } from 'react';
import { WARNING_COLOUR } from '../../lib/palette.ts';
import { formatCount } from '../../lib/format.ts';

/** Props of {@link FlowRejectBin}. */
export interface FlowRejectBinProps {
  /** Centre of the bin, where rejected dots land. */
  readonly x: number;
  readonly y: number;
  readonly noHealthyServers: number;
  readonly overloaded: number;
  /** Overload control's reasons, once it was on. */
  readonly shed?: number;
  readonly limited?: number;
  readonly throttled?: number;
  /** Under reduced motion: rejections drawn in the last second; null with motion. */
  readonly recent: number | null;
}

/** Where rejected requests go: a ✕ bin with the run's rejections counted by reason. */
export const FlowRejectBin = memo(function FlowRejectBin(p: FlowRejectBinProps) {
  const more = (['shed', 'limited', 'throttled'] as const).filter((k) => p[k] !== undefined);
  const total = p.noHealthyServers + p.overloaded + more.reduce((n, k) => n + p[k]!, 0);
  const recent = p.recent !== null && p.recent > 0 ? ` (+${formatCount(p.recent)})` : '';
  return (
    <g className="flow-bin">
      <rect x={p.x - 14} y={p.y - 10} width={28} height={20} rx={4} />
      <path
        d="M-5,-5 L5,5 M5,-5 L-5,5"
        transform={`translate(${p.x},${p.y})`}
        stroke={WARNING_COLOUR}
        strokeWidth={2.5}
        strokeLinecap="round"
      />
      <text data-testid="flow.rejected" x={p.x} y={p.y + 26} textAnchor="middle">
        <tspan className="flow-bin-total">{`✕ rejected ${formatCount(total)}${recent} `}</tspan>
        <tspan x={p.x} dy={14}>{`no healthy servers: ${formatCount(p.noHealthyServers)} `}</tspan>
        <tspan x={p.x} dy={13}>{`overloaded: ${formatCount(p.overloaded)}`}</tspan>
        {more.length > 0 && (
          // One line for the three, so the bin's text stays within the picture.
          <tspan x={p.x} dy={13}>
            {more.map((k) => `${k}: ${formatCount(p[k]!)}`).join(' · ')}
          </tspan>
        )}
      </text>
    </g>
  );
});
