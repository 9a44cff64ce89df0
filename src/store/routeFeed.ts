import type { RoutesSnapshot } from '../worker/protocol.ts';

/** A routing decision for the flow view: dest is a server slot, -1 no healthy servers, -2 overloaded. */
export interface RouteEvent {
  readonly id: number;
  readonly time: number;
  readonly dest: number;
}

type Listener = (events: readonly RouteEvent[], sampledFrom: number) => void;

/**
 * Hands each frame's routing decisions to the flow view without going through React state
 * ("transient updates"): the view animates dots itself and re-renders nothing per request.
 * At most `perFrame` decisions per frame are passed on, evenly sampled, with the true count.
 */
export class RouteFeed {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly perFrame = 60) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Passes on a sample of `routes`; `happened` is how many decisions there really were. */
  publish(routes: RoutesSnapshot, happened: number): void {
    const n = routes.dests.length;
    if (n === 0 || this.listeners.size === 0) return;
    const take = Math.min(n, this.perFrame);
    const events: RouteEvent[] = [];
    for (let k = 0; k < take; k++) {
      const i = Math.floor((k * n) / take);
      events.push({ id: routes.ids[i]!, time: routes.times[i]!, dest: routes.dests[i]! });
    }
    for (const l of this.listeners) l(events, Math.max(n, happened));
  }
}
