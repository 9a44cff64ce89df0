/**
 * What a server's row says about its state: one main state (the row's `data-state`) and any
 * others that also apply, each as an icon plus words so nothing relies on colour alone.
 */
import { formatCount } from '../../lib/format.ts';

/** The main states, most serious first (the first that applies is the row's main state). */
export type MainState =
  | 'down'
  | 'draining'
  | 'partitioned'
  | 'ejected'
  | 'open'
  | 'half-open'
  | 'sinkhole'
  | 'spike'
  | 'slow-start'
  | 'healthy';

/** The facts a row needs; `ejectedInS` is the whole seconds left of an ejection. */
export interface ServerFacts {
  readonly up: boolean;
  readonly believedUp: boolean;
  readonly draining: boolean;
  readonly partitioned: boolean;
  readonly ejected: boolean;
  readonly ejectedInS: number | null;
  readonly breaker: 'closed' | 'open' | 'half-open';
  readonly errorRate: number;
  readonly spike: number;
  /** Share of capacity a slowly starting server may use, or null. */
  readonly slowStart: number | null;
  /** No room for one more request (every place and queue slot taken). */
  readonly full: boolean;
  readonly failed: number;
}

/** One badge: `kind` is a main state or an extra fact (the balancer's mistaken belief, full…). */
export interface Badge {
  readonly kind: MainState | 'belief' | 'full' | 'failed';
  readonly icon: string;
  readonly text: string;
  /** A sentence for the tooltip: what this means for the requests. */
  readonly why: string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The badges that apply, main state first; never empty (a healthy server says so). */
export function serverBadges(f: ServerFacts): Badge[] {
  const out: Badge[] = [];
  if (!f.up) {
    out.push({
      kind: 'down',
      icon: '✕',
      text: f.believedUp ? 'down — balancer still thinks up' : 'down',
      why: f.believedUp
        ? 'It is down, but the balancer has not noticed yet and still sends it requests, which fail.'
        : 'It is down and the balancer knows: it gets no requests.',
    });
  }
  if (f.up && f.draining)
    out.push({
      kind: 'draining',
      icon: '↓',
      text: 'draining',
      why: 'It takes no new requests; those it holds finish, then it goes down.',
    });
  if (f.partitioned)
    out.push({
      kind: 'partitioned',
      icon: '∦',
      text: 'partitioned',
      why: 'Cut off from the balancer: requests sent to it hang until the connect timeout.',
    });
  if (f.ejected)
    out.push({
      kind: 'ejected',
      icon: '⊘',
      text: f.ejectedInS === null ? 'ejected' : `ejected · back in ${f.ejectedInS} s`,
      why: 'Outlier detection took it out of the pool after consecutive failures.',
    });
  if (f.breaker === 'open')
    out.push({
      kind: 'open',
      icon: '○',
      text: 'circuit open',
      why: 'Its circuit breaker is open: the balancer sends it nothing until the open time is over.',
    });
  if (f.breaker === 'half-open')
    out.push({
      kind: 'half-open',
      icon: '◐',
      text: 'half-open',
      why: 'Its circuit breaker lets a few probe requests through to see whether it recovered.',
    });
  if (f.errorRate > 0)
    out.push({
      kind: 'sinkhole',
      icon: '⚠',
      text: `sinkhole ${pct(f.errorRate)}`,
      why: `It fails ${pct(f.errorRate)} of its requests at once, which makes it look fast and free.`,
    });
  if (f.spike !== 1)
    out.push({
      kind: 'spike',
      icon: '▲',
      text: `spike ×${+f.spike.toFixed(2)}`,
      why: `A latency spike: its requests take ${+f.spike.toFixed(2)} times as long for a while.`,
    });
  if (f.slowStart !== null)
    out.push({
      kind: 'slow-start',
      icon: '↗',
      text: `slow start ${pct(f.slowStart)}`,
      why: `Just back: it may use ${pct(f.slowStart)} of its capacity, rising to all of it.`,
    });
  if (out.length === 0)
    out.push({ kind: 'healthy', icon: '✓', text: 'healthy', why: 'Up and taking requests.' });
  if (f.up && !f.believedUp && !f.partitioned)
    out.push({
      kind: 'belief',
      icon: '?',
      text: 'balancer thinks down',
      why: 'It is up, but the balancer has not seen enough passing health checks to use it again.',
    });
  if (f.up && !f.draining && f.full)
    out.push({
      kind: 'full',
      icon: '■',
      text: 'full',
      why: 'Every place and queue slot is taken: requests sent to it are rejected.',
    });
  if (f.failed > 0)
    out.push({
      kind: 'failed',
      icon: '!',
      text: `${formatCount(f.failed)} failed`,
      why: 'Attempts that failed or timed out at this server so far.',
    });
  return out;
}
