import { QUEUED_AT } from '../metrics/requestLines.ts';
import { HANGING } from '../requestTable.ts';
import { COMPLETE, TIMEOUT } from './eventKinds.ts';
import type { Placement, SimCore } from './simCore.ts';

/**
 * Sends an attempt the balancer picked and admitted to its server: its row, the client's timeout,
 * then service, the queue, or a failure if nothing listens there. The core's `dispatch` and a
 * hedge's copy (overload control) both end here; the hot path was split out of the core only to
 * keep each file readable.
 */
export class Sender {
  /** How an ordinary attempt is placed, reused (no allocation per dispatch). */
  private readonly ordinary = { inflight: 0, copyOf: -1, route: 0 };

  constructor(private readonly core: SimCore) {}

  /**
   * Sends an ordinary attempt of the request in the core's `sending` to `slot`, holding a place
   * under its limit with `inflight` in flight there (-1: no limiter).
   */
  send(attempt: number, b: number, slot: number, inflight: number): void {
    const how = this.ordinary;
    how.inflight = inflight;
    how.route = slot;
    this.place(attempt, b, slot, how);
  }

  /**
   * Places one attempt of the request in the core's `sending` on `slot` for balancer `b`; returns
   * its row. (The request travels in `sending`, not as arguments: see SimCore.sending.)
   */
  place(attempt: number, b: number, slot: number, how: Placement): number {
    const core = this.core;
    const now = core.now;
    const pool = core.pool;
    const req = core.requests;
    const r = req.allocate(core.sending, slot, attempt, b, now);
    const id = req.id[r]!;
    if (core.logRequests) core.metrics.routes.record(now, id, how.route);
    if (core.extrasOn) this.extras(r, slot, how);
    if (pool.up[slot] === 0) {
      // Nothing listens there: the connection is refused at once.
      core.retries.attemptFailed(r, 'connection refused (the server is down)');
      req.releaseIfDone(r);
      return r;
    }
    if (pool.partitioned[slot] === 1) this.hang(r, slot);
    else if (pool.active[slot]! < pool.limit[slot]!) core.serve(r, slot, pool.startService(slot));
    else if (core.queues.on) core.queues.enqueue(r, slot);
    else {
      pool.enqueue(slot, r);
      req.phase[r] = 1; // QUEUED, as a number on the hot path (see the top of core.ts)
      if (core.logRequests) core.metrics.log.serverLine(QUEUED_AT, slot, id, pool.queued[slot]!, 0);
    }
    if (core.balancers.hooked) core.balancers.sent(b, slot);
    return r;
  }

  /**
   * What a send sets going besides the attempt, with some optional mechanism on (core.extrasOn):
   * a limiter's hold, a hedge, a breaker's probe count, the client's timeout.
   */
  private extras(r: number, slot: number, how: Placement): void {
    const core = this.core;
    const req = core.requests;
    if (how.inflight > 0) core.admission.hold(r, how.inflight);
    if (how.copyOf >= 0) {
      req.hedge[r] = 1;
      req.twin[r] = how.copyOf;
      req.twin[how.copyOf] = r;
    } else if (core.hedging.on) core.hedging.arm(r);
    if (core.defences.breakerOn) core.defences.onSend(r, slot);
    const timeoutMs = core.resilience.timeoutMs;
    if (timeoutMs !== null) {
      req.refs[r]!++;
      core.schedule(core.now + timeoutMs, TIMEOUT, r);
    }
  }

  /** Unreachable: the connection hangs, holding one of the server's places, until it times out. */
  private hang(r: number, slot: number): void {
    const core = this.core;
    core.pool.holdConnection(slot);
    core.requests.phase[r] = HANGING;
    core.requests.refs[r]!++;
    core.schedule(core.now + core.resilience.connectTimeoutMs, COMPLETE, r);
  }
}
