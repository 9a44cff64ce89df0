import type { ServerSnapshot } from '../../worker/protocol.ts';
import { serverBadges, type MainState } from '../servers/index.ts';

/** What a server's box in the flow picture says about it: the servers list's main state. */
export interface FlowStatus {
  /** The servers list's main state, or "full" for a healthy server with no room left. */
  readonly state: MainState | 'full';
  /** The words on the box ("" for a healthy server with room). */
  readonly text: string;
}

/** Short words for the box, where the list has room for longer ones ("ejected · back in 12 s"). */
const SHORT: Record<MainState, string> = {
  down: 'down',
  draining: 'draining',
  partitioned: 'partitioned',
  ejected: 'ejected',
  open: 'circuit open',
  'half-open': 'half-open',
  sinkhole: 'sinkhole',
  spike: 'spike',
  'slow-start': 'slow start',
  healthy: '',
};

/**
 * The state the servers list shows for `s` (down, draining, ejected, circuit open…), in the same
 * order of seriousness, and "full" only when every place and queue slot is taken.
 */
export function flowStatus(s: ServerSnapshot): FlowStatus {
  const full = s.active + s.queued >= s.capacity + (s.queueLimit ?? Infinity);
  const badges = serverBadges({ ...s, ejectedInS: null, full });
  const main = badges[0]!.kind as MainState;
  const isFull = badges.some((b) => b.kind === 'full');
  const words = [SHORT[main], isFull ? 'full' : ''].filter(Boolean);
  return { state: main === 'healthy' && isFull ? 'full' : main, text: words.join(' · ') };
}
