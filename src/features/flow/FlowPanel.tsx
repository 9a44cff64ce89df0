import { useRef } from 'react';
import { ChartDownload } from '../../charts/ChartDownload.tsx';
import { useApp } from '../../store/hooks.tsx';
import { useReducedMotion } from '../../lib/useReducedMotion.ts';
import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import { FlowView, type StartingServer } from './FlowView.tsx';
import { redrawInterval } from '../../lib/redrawInterval.ts';
import { useThrottled } from '../../lib/useThrottled.ts';

const NO_REJECTIONS = { noHealthyServers: 0, overloaded: 0 } as const;
const NONE_STARTING: readonly StartingServer[] = [];

/** Where each request goes and why some are rejected: the picture the playground is built around. */
export function FlowPanel() {
  const latest = useApp((s) => s.snapshot?.servers);
  const servers = useThrottled(latest, redrawInterval(latest?.length ?? 0));
  const rejected = useApp((s) => s.snapshot?.summary.requests.rejectedByReason);
  const strategy = useApp((s) => s.snapshot?.strategy);
  const hedging = useApp((s) => (s.snapshot?.setup.resilience.hedge.afterMs ?? null) !== null);
  // Servers the autoscaler ordered that are still booting: drawn apart from the pool.
  const starting = useApp((s) => s.snapshot?.scaling?.starting ?? NONE_STARTING);
  const now = useApp((s) => s.snapshot?.now ?? 0);
  const reduced = useReducedMotion();
  const picture = useRef<HTMLDivElement>(null);
  return (
    <section className="panel" aria-labelledby="flow-title">
      <div className="flow-head">
        <h2 id="flow-title">Request flow</h2>
        {servers && <ChartDownload target={picture} name="Request flow" />}
      </div>
      {servers ? (
        <div ref={picture}>
          <FlowView
            servers={servers}
            rejectedByReason={rejected ?? NO_REJECTIONS}
            strategyLabel={strategy ? STRATEGY_INFO[strategy].label : ''}
            starting={starting}
            now={now}
            motion={!reduced}
            hedging={hedging}
          />
        </div>
      ) : (
        <p className="chart-empty">Loading the simulation…</p>
      )}
    </section>
  );
}
