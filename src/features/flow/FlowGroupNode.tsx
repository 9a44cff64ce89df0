import { memo } from 'react';
import { formatCount } from '../../lib/format.ts';
import type { FlowGroup } from './flowGroups.ts';
import { elide } from './flowLayout.ts';

/** Props of {@link FlowGroupNode}. */
export interface FlowGroupNodeProps {
  readonly group: FlowGroup;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Under reduced motion: decisions drawn to the group's servers in the last second. */
  readonly routed: number | null;
}

/** The group's state in words: how many of its servers are down or full. */
function statusOf(g: FlowGroup): string {
  const parts = [];
  if (g.down > 0) parts.push(g.down === g.size ? 'down' : `${formatCount(g.down)} down`);
  if (g.full > 0) parts.push(g.full === g.size ? 'full' : `${formatCount(g.full)} full`);
  return parts.join(', ');
}

/** A box standing for neighbouring servers of a pool too large to draw one by one. */
export const FlowGroupNode = memo(function FlowGroupNode({
  group: g,
  x,
  y,
  w,
  h,
  routed,
}: FlowGroupNodeProps) {
  const status = statusOf(g);
  const hit = routed !== null && routed > 0;
  const tag = [status, hit ? `+${formatCount(routed)}` : ''].filter(Boolean).join(' · ');
  const fill = Math.min(1, g.active / Math.max(1, g.capacity));
  const tip =
    `${formatCount(g.size)} servers, ${g.firstName} to ${g.lastName}: ` +
    `${formatCount(g.active)} of ${formatCount(g.capacity)} in service, ` +
    `${formatCount(g.queued)} queued` +
    (status ? `; ${status}` : '') +
    (routed !== null ? `; ${formatCount(routed)} routed here in the last second` : '');
  const label = `${formatCount(g.size)} × ${g.firstName}`;
  const nameChars = (w - 32 - tag.length * 6.5) / 6.4;
  const classes = `flow-node flow-group${g.down === g.size ? ' flow-node--down' : ''}${hit ? ' flow-node--hit' : ''}`;
  return (
    <g
      className={classes}
      transform={`translate(${x},${y})`}
      data-testid="flow.group"
      data-size={g.size}
      data-state={status || 'ok'}
    >
      <title>{tip}</title>
      <rect className="flow-node-box flow-group-box" width={w} height={h} rx={3} />
      <rect className="flow-node-track" x={3} y={4} width={20} height={h - 8} />
      <rect className="flow-group-fill" x={3} y={4} width={20 * fill} height={h - 8} />
      <text className="flow-node-small" x={27} y={h - 4.5}>
        {elide(label, nameChars, 'middle')}
      </text>
      {tag && (
        <text className="flow-node-tag flow-node-small" x={w - 3} y={h - 4.5} textAnchor="end">
          {tag}
        </text>
      )}
    </g>
  );
});
