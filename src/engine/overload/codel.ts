/**
 * CoDel, "Controlled Delay" active queue management (Nichols & Jacobson, ACM Queue 2012; RFC 8289,
 * 2018), applied to a server's queue of requests instead of a router's queue of packets, as
 * Facebook's "Fail at Scale" (Maurer, ACM Queue 2015) did for its RPC servers.
 *
 * CoDel watches the sojourn time (how long the request leaving the queue waited). A queue whose
 * sojourn stayed at or above `target` (5 ms) for a whole `interval` (100 ms) is a standing queue,
 * not a burst: CoDel drops one request, then drops again at intervals of interval / sqrt(count),
 * so the drop rate grows until the queue's delay falls below target, and remembers the rate that
 * worked when the queue comes back soon after. This is RFC 8289's pseudocode (section 5:
 * `dodequeue`, `dequeue` and `control_law`, in the Linux variant the RFC keeps for re-entry), run
 * when a server takes its next request from the queue. Two translations from packets to requests:
 * RFC 8289's "at most one MTU of bytes left" becomes "at most one request left waiting", and a
 * dropped request is shed (rejected with reason `shed`), not silently lost.
 */

/** What CoDel sees of a queue; the server implements it over its waiting requests. */
export interface CoDelQueue {
  /** Requests waiting. */
  readonly length: number;
  /** How long the request at the head (the one CoDel judges) has waited by `now`, in ms. */
  headSojourn(now: number): number;
  /** Sheds the request at the head. */
  dropHead(): void;
}

/** RFC 8289's defaults: a 5 ms target delay over a 100 ms interval. */
export const CODEL_TARGET_MS = 5;
export const CODEL_INTERVAL_MS = 100;

/** The CoDel state of one queue (RFC 8289's codel_queue_t without the queue itself). */
export class CoDel {
  /** When the sojourn time went (and stayed) above target, plus one interval; 0 = below. */
  firstAboveTime = 0;
  /** When the next drop is due while dropping. */
  dropNext = 0;
  /** Drops since entering the dropping state (carried over on a quick re-entry). */
  count = 0;
  lastCount = 0;
  dropping = false;

  constructor(
    readonly targetMs = CODEL_TARGET_MS,
    readonly intervalMs = CODEL_INTERVAL_MS,
  ) {}

  /** RFC 8289 `control_law`: the next drop comes interval / sqrt(count) after `t`. */
  controlLaw(t: number, count: number): number {
    return t + this.intervalMs / Math.sqrt(count);
  }

  /**
   * RFC 8289 `dequeue`: called when the server is about to take the head request; sheds what the
   * control law says and returns whether a request is left at the head for the server to take.
   */
  dequeue(now: number, queue: CoDelQueue): boolean {
    let ok = this.okToDrop(now, queue);
    if (this.dropping) {
      // Sojourn time fell below target: leave the dropping state.
      if (!ok) this.dropping = false;
      // A large backlog may make several drops due at once, hence the loop.
      while (now >= this.dropNext && this.dropping) {
        queue.dropHead();
        this.count++;
        ok = this.okToDrop(now, queue);
        if (!ok) this.dropping = false;
        else this.dropNext = this.controlLaw(this.dropNext, this.count);
      }
    } else if (ok) {
      // Above target for a whole interval: drop one and enter the dropping state.
      queue.dropHead();
      this.okToDrop(now, queue);
      this.dropping = true;
      // Coming back soon after the last dropping state, start from the rate that controlled the
      // queue then (the Linux rule RFC 8289 keeps).
      const delta = this.count - this.lastCount;
      this.count = 1;
      if (delta > 1 && now - this.dropNext < 16 * this.intervalMs) this.count = delta;
      this.dropNext = this.controlLaw(now, this.count);
      this.lastCount = this.count;
    }
    return queue.length > 0;
  }

  /** RFC 8289 `dodequeue`: whether the head may be dropped (above target for an interval). */
  private okToDrop(now: number, queue: CoDelQueue): boolean {
    if (queue.length === 0) {
      // An empty queue cannot be above target.
      this.firstAboveTime = 0;
      return false;
    }
    const sojourn = queue.headSojourn(now);
    if (sojourn < this.targetMs || queue.length - 1 <= 1) {
      // Went below target (or almost nothing waits): stay below for at least an interval.
      this.firstAboveTime = 0;
      return false;
    }
    if (this.firstAboveTime === 0) {
      // Just went above: if still above an interval from now, it is fine to drop.
      this.firstAboveTime = now + this.intervalMs;
      return false;
    }
    return now >= this.firstAboveTime;
  }
}
