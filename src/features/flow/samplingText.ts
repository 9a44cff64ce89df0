import { formatCount } from '../../lib/format.ts';
import { countOf } from '../../lib/words.ts';
import type { Speed } from '../../worker/protocol.ts';

/**
 * The flow caption's count of routing decisions, with its basis said: the picture counts the
 * last second of real time (what the eye just saw), while every chart counts per simulated
 * second, so the two are tied together by the speed.
 */
export function samplingText(
  traffic: { readonly shown: number; readonly happened: number },
  motion: boolean,
  speed: Speed,
): string {
  const { shown, happened } = traffic;
  if (happened === 0) return 'No request was routed in the last second of real time.';
  const what = motion ? 'showing' : 'counting';
  const basis =
    speed === 'max'
      ? ''
      : speed === 1
        ? ' (at 1×, one simulated second)'
        : ` (at ${speed}×: ${perSecond(happened / speed)} per simulated second)`;
  if (happened === 1) return `${what} the 1 request routed in the last second of real time${basis}`;
  if (shown >= happened)
    return `${what} all ${countOf(happened, 'request')} routed in the last second of real time${basis}`;
  return `${what} ${formatCount(shown)} of the ${formatCount(happened)} requests routed in the last second of real time, a sample${basis}`;
}

/** 500, 12, 0.7: a rate with a decimal only where it matters. */
function perSecond(v: number): string {
  return v >= 10 ? formatCount(v) : String(+v.toFixed(1));
}
