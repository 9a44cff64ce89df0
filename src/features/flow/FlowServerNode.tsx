import { memo } from 'react';
import { DOWN_COLOUR, QUEUED_OPACITY, serverColour } from '../../lib/palette.ts';
import { formatCount } from '../../lib/format.ts';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { elide, fitName } from './flowLayout.ts';

/** Props of {@link FlowServerNode}: plain values, so a node re-renders only when it changed. */
export interface FlowServerNodeProps extends Pick<
  ServerSnapshot,
  'slot' | 'name' | 'up' | 'active' | 'queued' | 'capacity' | 'queueLimit'
> {
  /** The servers list's main state, or "full" (see flowStatus.ts), and its words on the box. */
  readonly state: string;
  readonly stateText: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly compact: boolean;
  /** Under reduced motion: decisions drawn to this server in the last second; null with motion. */
  readonly routed: number | null;
  /** Under reduced motion: hedges (second copies) sent here in the last second; null with motion. */
  readonly hedged?: number | null;
}

/** One registered server in the flow picture: name, state, in-service/queued against capacity. */
export const FlowServerNode = memo(function FlowServerNode(p: FlowServerNodeProps) {
  const colour = p.up ? serverColour(p.slot) : DOWN_COLOUR;
  // Words, never colour alone: the state the servers list shows, "full" only when it is.
  const status = p.stateText;
  const hit = p.routed !== null && p.routed > 0;
  const hedges = p.hedged ?? 0;
  const tag = [
    status,
    hit ? `+${formatCount(p.routed!)}` : '',
    hedges > 0 ? `◇${formatCount(hedges)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const numbers = `${formatCount(p.active)}/${formatCount(p.capacity)}${p.queued > 0 ? ` +${formatCount(p.queued)} queued` : ''}`;
  const tip =
    `${p.name}: ${p.active} of ${p.capacity} in service, ${p.queued} queued` +
    (p.queueLimit !== null ? ` (queue limit ${p.queueLimit})` : '') +
    (status ? `, ${status}` : '') +
    (p.routed !== null ? `; ${p.routed} routed here in the last second of real time` : '') +
    (hedges > 0 ? `, ${hedges} of them hedges (second copies)` : '');
  const fill = Math.min(1, p.active / Math.max(1, p.capacity));
  const classes = `flow-node${p.up ? '' : ' flow-node--down'}${p.state === 'draining' ? ' flow-node--draining' : ''}${hit ? ' flow-node--hit' : ''}`;

  if (p.compact) {
    const nameChars = (p.w - 32 - tag.length * 6.5) / 6.4;
    return (
      <g
        className={classes}
        transform={`translate(${p.x},${p.y})`}
        data-testid="flow.server"
        data-name={p.name}
        data-state={p.state}
      >
        <title>{tip}</title>
        <rect className="flow-node-box" width={p.w} height={p.h} rx={3} stroke={colour} />
        <rect className="flow-node-track" x={3} y={4} width={20} height={p.h - 8} />
        <rect x={3} y={4} width={20 * fill} height={p.h - 8} fill={colour} />
        <text className="flow-node-small" x={27} y={p.h - 4.5}>
          {elide(p.name, nameChars, 'middle')}
        </text>
        {tag && (
          <text
            className="flow-node-tag flow-node-small"
            x={p.w - 3}
            y={p.h - 4.5}
            textAnchor="end"
          >
            {tag}
          </text>
        )}
      </g>
    );
  }

  const barW = Math.min(110, Math.max(36, p.w * 0.34));
  const qMax = p.w < 220 ? 14 : 26;
  const qW = Math.min(qMax, (p.queued / Math.max(1, p.capacity)) * barW);
  const name = fitName(p.name, p.w - 22 - tag.length * 7);
  return (
    <g
      className={classes}
      transform={`translate(${p.x},${p.y})`}
      data-testid="flow.server"
      data-name={p.name}
      data-state={p.state}
    >
      <title>{tip}</title>
      <rect className="flow-node-box" width={p.w} height={p.h} rx={5} stroke={colour} />
      <rect width={5} height={p.h} rx={2} fill={colour} />
      <text className="flow-node-name" x={12} y={15} style={{ fontSize: name.px }}>
        {name.text}
      </text>
      {tag && (
        <text className="flow-node-tag" x={p.w - 6} y={15} textAnchor="end">
          {tag}
        </text>
      )}
      <rect className="flow-node-track" x={12} y={22} width={barW} height={9} />
      <rect x={12} y={22} width={barW * fill} height={9} fill={colour} />
      {qW > 0 && (
        <rect x={13 + barW} y={22} width={qW} height={9} fill={colour} opacity={QUEUED_OPACITY} />
      )}
      <text className="flow-node-numbers" x={18 + barW + qMax} y={30.5}>
        {numbers}
      </text>
    </g>
  );
});
