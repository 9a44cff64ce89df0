import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { useElementSize } from '../../lib/useElementSize.ts';
import { hedgeSlot, type FlowAnchors } from './dotAnimator.ts';
import { flowCellLimit, layoutFlow, wrapLabel } from './flowLayout.ts';
import { cellOfServer, groupServers } from './flowGroups.ts';
import { FlowGroupNode } from './FlowGroupNode.tsx';
import { FlowRejectBin } from './FlowRejectBin.tsx';
import { FlowServerNode } from './FlowServerNode.tsx';
import { FlowStartingNode } from './FlowStartingNode.tsx';
import { FlowCaption } from './FlowCaption.tsx';
import { flowStatus } from './flowStatus.ts';
import { countOf } from '../../lib/words.ts';
import { useRouteTraffic } from './useRouteTraffic.ts';
import './flow.css';

/** Props of {@link FlowView}. */
export interface FlowViewProps {
  readonly servers: readonly ServerSnapshot[];
  readonly rejectedByReason: FlowRejections;
  /** The routing strategy's name in words, shown in the balancer. */
  readonly strategyLabel: string;
  /** False under reduced motion: counts per server instead of travelling dots. */
  readonly motion: boolean;
  /** Servers the autoscaler ordered that are still booting (no traffic reaches them yet). */
  readonly starting?: readonly StartingServer[];
  /** Simulated time now, for how long a starting server has left. */
  readonly now?: number;
  /** Hedging is on (its diamonds get a key). */
  readonly hedging?: boolean;
}

/** A server still booting, as the flow picture shows it. */
export interface StartingServer {
  readonly name: string;
  readonly readyAt: number;
}

const NONE: readonly StartingServer[] = [];

/** Canvas pixels per CSS pixel for the dots. */
const dotScale = () => Math.min(2, window.devicePixelRatio || 1);

/**
 * The request-flow picture: clients → balancer → one node per server, a ✕ bin for rejections,
 * and a dot travelling for each (sampled) routing decision.
 */
/** The run's rejections by reason; overload control's only once it was on. */
export interface FlowRejections {
  readonly noHealthyServers: number;
  readonly overloaded: number;
  readonly shed?: number;
  readonly limited?: number;
  readonly throttled?: number;
}

/** Under reduced motion: decisions per destination summed into rejections and, per slot, hedges. */
function tally(byDest: ReadonlyMap<number, number> | null) {
  if (!byDest) return { rejected: null, hedges: null };
  let rejected = 0;
  const hedges = new Map<number, number>();
  for (const [d, n] of byDest) {
    const slot = hedgeSlot(d);
    if (slot >= 0) hedges.set(slot, (hedges.get(slot) ?? 0) + n);
    else if (d < 0) rejected += n;
  }
  return { rejected, hedges };
}

/**
 * The request-flow picture: clients → balancer → one node per server, a ✕ bin for rejections,
 * and a dot travelling for each (sampled) routing decision.
 */
export function FlowView(props: FlowViewProps) {
  const { servers, rejectedByReason, strategyLabel, motion, hedging = false } = props;
  const starting = props.starting ?? NONE;
  const [ref, { width }] = useElementSize<HTMLDivElement>();
  const layerRef = useRef<HTMLCanvasElement | null>(null);
  const anchorsRef = useRef<FlowAnchors | null>(null);
  // A pool larger than the boxes the width can draw is drawn as groups of neighbours (servers
  // still starting are then left out of the picture; the label counts them).
  const limit = flowCellLimit(width);
  const groups = useMemo(() => groupServers(servers, limit), [servers, limit]);
  const boxes = groups ? groups.length : servers.length + starting.length;
  const layout = useMemo(() => layoutFlow(width, boxes), [width, boxes]);
  const slotKey = servers.map((s) => s.slot).join(',');

  // Dots read positions from a ref each frame, so the animation never waits on React.
  useLayoutEffect(() => {
    const { clients, balancer: b, bin, cells } = layout;
    const slots = slotKey === '' ? [] : slotKey.split(',').map(Number);
    const grouped = slots.length > cells.length ? cells.length : null;
    const map = new Map<number, { x: number; y: number }>();
    slots.forEach((slot, i) => {
      const c = cells[cellOfServer(i, slots.length, grouped)];
      if (c) map.set(slot, { x: c.x, y: c.y + c.h / 2 });
    });
    anchorsRef.current = {
      clients: { x: clients.x + 16, y: clients.y },
      balancerIn: { x: b.x - b.w / 2, y: b.y },
      balancerOut: { x: b.x + b.w / 2, y: b.y },
      balancerDown: { x: b.x, y: b.y + b.h / 2 },
      bin: { x: bin.x, y: bin.y },
      servers: map,
    };
  }, [layout, slotKey]);

  const traffic = useRouteTraffic(motion, width > 0, layerRef, anchorsRef);
  const { clients, balancer: b, bin, cells } = layout;
  const out = { x: b.x + b.w / 2, y: b.y };
  const recent = tally(traffic.byDest);
  const routedTo = (from: number, to: number): number | null => {
    if (!traffic.byDest) return null;
    let sum = 0;
    for (let i = from; i <= to; i++) sum += traffic.byDest.get(servers[i]!.slot) ?? 0;
    return sum;
  };
  const drawn = groups
    ? `${countOf(servers.length, 'server')}, drawn as ${groups.length} groups`
    : countOf(servers.length, 'server');
  // The strategy's name in full on one or two lines (10.5 px type: about 6.3 px a character).
  const strategyLines = wrapLabel(strategyLabel.toLowerCase(), (b.w - 8) / 6.3);
  const twoLines = strategyLines.length > 1;
  const scale = dotScale();

  return (
    <div className="flow-view" ref={ref}>
      {width > 0 && (
        <svg
          width={width}
          height={layout.height}
          data-testid="flow.view"
          role="img"
          aria-label={`Request flow: clients to the balancer (${strategyLabel}) to ${drawn}${starting.length > 0 ? ` (${starting.length} more starting)` : ''}; rejected requests go to the bin`}
        >
          <line
            className="flow-link"
            x1={clients.x + 16}
            y1={clients.y}
            x2={b.x - b.w / 2}
            y2={b.y}
          />
          {cells.slice(0, servers.length).map((c, i) => (
            <line
              key={groups ? `g${i}` : (servers[i]?.slot ?? i)}
              className="flow-link"
              x1={out.x}
              y1={out.y}
              x2={c.x}
              y2={c.y + c.h / 2}
            />
          ))}
          <line
            className="flow-link flow-link--reject"
            x1={b.x}
            y1={b.y + b.h / 2}
            x2={bin.x}
            y2={bin.y - 10}
          />
          <g className="flow-clients" aria-hidden="true">
            {[-14, 0, 14].map((dy) => (
              <rect
                key={dy}
                x={clients.x - 10}
                y={clients.y + dy - 5}
                width={20}
                height={10}
                rx={2}
              />
            ))}
            <text className="flow-label" x={clients.x} y={clients.y + 32} textAnchor="middle">
              clients
            </text>
          </g>
          <g className="flow-balancer">
            <rect x={b.x - b.w / 2} y={b.y - b.h / 2} width={b.w} height={b.h} rx={6} />
            <text x={b.x} y={b.y - (twoLines ? 9 : 3)} textAnchor="middle">
              balancer
            </text>
            <text
              className="flow-balancer-strategy"
              textAnchor="middle"
              data-testid="flow.strategy"
            >
              {strategyLines.map((line, i) => (
                <tspan key={i} x={b.x} y={b.y + (twoLines ? 5 + i * 12 : 12)}>
                  {line}
                </tspan>
              ))}
              <title>{strategyLabel}</title>
            </text>
          </g>
          <FlowRejectBin x={bin.x} y={bin.y} {...rejectedByReason} recent={recent.rejected} />
          {groups?.map((g) => {
            const c = cells[g.index];
            if (!c) return null;
            return (
              <FlowGroupNode
                key={g.index}
                group={g}
                x={c.x}
                y={c.y}
                w={c.w}
                h={c.h}
                routed={routedTo(g.from, g.to)}
              />
            );
          })}
          {!groups &&
            servers.map((s, i) => {
              const c = cells[i];
              if (!c) return null;
              const status = flowStatus(s);
              return (
                <FlowServerNode
                  key={s.slot}
                  slot={s.slot}
                  name={s.name}
                  up={s.up}
                  state={status.state}
                  stateText={status.text}
                  active={s.active}
                  queued={s.queued}
                  capacity={s.capacity}
                  queueLimit={s.queueLimit}
                  x={c.x}
                  y={c.y}
                  w={c.w}
                  h={c.h}
                  compact={layout.mode === 'compact'}
                  routed={traffic.byDest ? (traffic.byDest.get(s.slot) ?? 0) : null}
                  hedged={recent.hedges ? (recent.hedges.get(s.slot) ?? 0) : null}
                />
              );
            })}
          {!groups &&
            starting.map((s, k) => {
              const c = cells[servers.length + k];
              if (!c) return null;
              return (
                <FlowStartingNode
                  key={`starting-${s.name}`}
                  name={s.name}
                  seconds={Math.max(0, Math.ceil((s.readyAt - (props.now ?? 0)) / 1000))}
                  x={c.x}
                  y={c.y}
                  w={c.w}
                  h={c.h}
                  compact={layout.mode === 'compact'}
                />
              );
            })}
        </svg>
      )}
      {width > 0 && (
        // Dots live on their own canvas, so their movement never repaints the nodes beneath
        // (backing store at the device's pixel ratio, at most 2, to stay sharp and cheap).
        <canvas
          className="flow-dots"
          ref={layerRef}
          width={Math.round(width * scale)}
          height={Math.round(layout.height * scale)}
          style={{ width: `${width}px`, height: `${layout.height}px` }}
          aria-hidden="true"
        />
      )}
      <FlowCaption traffic={traffic} motion={motion} hedging={hedging} />
    </div>
  );
}
