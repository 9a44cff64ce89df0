import { WARNING_COLOUR } from '../../lib/palette.ts';
import { formatCount } from '../../lib/format.ts';
import type { RouteTraffic } from './useRouteTraffic.ts';

/** Props of {@link FlowCaption}. */
export interface FlowCaptionProps {
  readonly traffic: RouteTraffic;
  readonly motion: boolean;
}

/** How many decisions the picture shows out of how many happened, said plainly. */
function sampling({ shown, happened }: RouteTraffic, motion: boolean): string {
  if (happened === 0) return 'No request was routed in the last second.';
  const what = motion ? 'showing' : 'counting';
  if (shown >= happened) return `${what} all ${formatCount(happened)} requests of the last second`;
  return `${what} ${formatCount(shown)} of ${formatCount(happened)} requests/s (a sample)`;
}

/** The key to the picture's symbols and an honest note on sampling. */
export function FlowCaption({ traffic, motion }: FlowCaptionProps) {
  return (
    <p className="flow-caption" aria-live="off">
      <span>
        {motion && (
          <svg width={10} height={10} viewBox="-5 -5 10 10" aria-hidden="true">
            <circle r={3.5} fill="#52606d" />
          </svg>
        )}
        {motion ? 'request, in its server’s colour' : '+N: routed there in the last second'}
      </span>
      <span>
        <svg width={10} height={10} viewBox="-5 -5 10 10" aria-hidden="true">
          <path d="M-4,-4 L4,4 M4,-4 L-4,4" stroke={WARNING_COLOUR} strokeWidth={2.2} />
        </svg>
        rejected
      </span>
      <span data-testid="flow.sampling">{sampling(traffic, motion)}</span>
    </p>
  );
}
