import { INK_SOFT, WARNING_COLOUR } from '../../lib/palette.ts';
import { useApp } from '../../store/hooks.tsx';
import { samplingText } from './samplingText.ts';
import type { RouteTraffic } from './useRouteTraffic.ts';

/** Props of {@link FlowCaption}. */
export interface FlowCaptionProps {
  readonly traffic: RouteTraffic;
  readonly motion: boolean;
  /** Hedging is on: the key shows its diamond. */
  readonly hedging?: boolean;
}

/** The key to the picture's symbols and an honest note on sampling. */
export function FlowCaption({ traffic, motion, hedging = false }: FlowCaptionProps) {
  const speed = useApp((s) => s.snapshot?.speed ?? 1);
  return (
    <p className="flow-caption" aria-live="off">
      <span>
        {motion && (
          <svg width={10} height={10} viewBox="-5 -5 10 10" aria-hidden="true">
            <circle r={3.5} fill="var(--ink-muted)" />
          </svg>
        )}
        {motion
          ? 'request, in its server’s colour'
          : '+N: routed there in the last second of real time'}
      </span>
      <span>
        <svg width={10} height={10} viewBox="-5 -5 10 10" aria-hidden="true">
          <path d="M-4,-4 L4,4 M4,-4 L-4,4" stroke={WARNING_COLOUR} strokeWidth={2.2} />
        </svg>
        rejected
      </span>
      {hedging && (
        <span data-testid="flow.hedgeKey">
          <svg width={10} height={10} viewBox="-5 -5 10 10" aria-hidden="true">
            <path d="M0,-4 L4,0 L0,4 L-4,0 Z" fill={INK_SOFT} />
          </svg>
          {motion ? 'hedge: a second copy of a slow request' : '◇N: hedges sent there'}
        </span>
      )}
      <span data-testid="flow.sampling">{samplingText(traffic, motion, speed)}</span>
    </p>
  );
}
