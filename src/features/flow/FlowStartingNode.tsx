import { memo } from 'react';
import { elide } from './flowLayout.ts';

/** Props of {@link FlowStartingNode}. */
export interface FlowStartingNodeProps {
  readonly name: string;
  /** Whole seconds of cold start left. */
  readonly seconds: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly compact: boolean;
}

/**
 * A server the autoscaler ordered that is still booting: a dashed outline with no link from the
 * balancer (nothing can reach it yet) and the seconds its cold start has left.
 */
export const FlowStartingNode = memo(function FlowStartingNode(p: FlowStartingNodeProps) {
  const left = `starting · ${p.seconds} s`;
  return (
    <g
      className="flow-node flow-node--starting"
      transform={`translate(${p.x},${p.y})`}
      data-testid="flow.starting"
      data-name={p.name}
    >
      <title>{`${p.name}: still starting (a cold start); it joins the pool in ${p.seconds} s`}</title>
      <rect
        className="flow-node-box"
        width={p.w}
        height={p.h}
        rx={p.compact ? 3 : 5}
        strokeDasharray="4 3"
      />
      <text
        className={p.compact ? 'flow-node-small' : 'flow-node-name'}
        x={p.compact ? 4 : 12}
        y={p.compact ? p.h - 4.5 : 15}
      >
        {elide(p.name, (p.w - 90) / (p.compact ? 6.4 : 7.8))}
      </text>
      <text
        className={`flow-node-tag${p.compact ? ' flow-node-small' : ''}`}
        x={p.w - (p.compact ? 3 : 6)}
        y={p.compact ? p.h - 4.5 : 15}
        textAnchor="end"
      >
        {left}
      </text>
    </g>
  );
});
