import { ERROR, INFO, WARNING } from '../metrics/eventLog.ts';
import {
  FAILED_AT,
  LIMITED_AT,
  NO_HEALTHY,
  OVERLOADED,
  RETRY_REFUSED,
  RETRYING,
  SHED_BY,
  THROTTLED,
  TIMED_OUT_AFTER,
} from '../metrics/requestLines.ts';
import {
  ROUTE_LIMITED,
  ROUTE_NO_HEALTHY,
  ROUTE_SHED,
  ROUTE_THROTTLED,
} from '../metrics/routeTrail.ts';
import { BACKOFF, HANGING, NOWHERE } from '../requestTable.ts';
import { retryAllowed, retryBackoff } from '../resilience/retryPolicy.ts';
import { RETRY } from './eventKinds.ts';
import {
  FAILED,
  REJECTED_LIMITED,
  REJECTED_NO_HEALTHY,
  REJECTED_OVERLOADED,
  REJECTED_THROTTLED,
  TIMED_OUT,
  type SimCore,
} from './simCore.ts';

/**
 * What happens when an attempt does not succeed: the balancer could not place it, or the client
 * stops waiting for it (a failure or its timeout) and the defences hear of it; then the retry
 * policy sends another attempt after a jittered backoff, or the request ends with that outcome. Envoy's retry budget and previous-hosts
 * predicate are the models (see resilience/retryPolicy.ts and Balancers.pick).
 */
export class RetryFlow {
  /** Retries among the attempts in flight (the budget caps them). */
  retriesInFlight = 0;

  constructor(private readonly core: SimCore) {}

  /**
   * The balancer could not place an attempt: no server it believes healthy (`route` is
   * ROUTE_NO_HEALTHY), the one picked, `slot`, was full, or held its learned concurrency limit
   * (ROUTE_LIMITED). Retry it, or the request is rejected.
   */
  refused(attempt: number, route: number, slot: number): void {
    const core = this.core;
    const id = core.sending[0]!;
    if (core.logRequests) core.metrics.routes.record(core.now, id, route);
    if (slot >= 0) core.pool.countRejected(slot);
    const noHealthy = route === ROUTE_NO_HEALTHY;
    const limited = route === ROUTE_LIMITED;
    if (core.logRequests) {
      const log = core.metrics.log;
      if (noHealthy) log.appendCoded(ERROR, NO_HEALTHY, 'LoadBalancer', '', id, 0, 0);
      else if (limited) {
        const limit = core.admission.limitOf(slot);
        log.appendCoded(WARNING, LIMITED_AT, core.pool.names[slot]!, '', id, limit, 0);
      } else {
        const name = slot >= 0 ? core.pool.names[slot]! : 'LoadBalancer';
        log.appendCoded(ERROR, OVERLOADED, name, '', id, 0, 0);
      }
    }
    if (attempt > 0) this.retriesInFlight--;
    if (this.retryLater(attempt, slot)) return;
    const outcome = noHealthy
      ? REJECTED_NO_HEALTHY
      : limited
        ? REJECTED_LIMITED
        : REJECTED_OVERLOADED;
    core.endRequest(outcome, -1);
  }

  /**
   * The client's adaptive throttling rejected attempt `attempt` of request `id` (the one in the
   * core's `sending`) before it was sent: the request ends `throttled` (the client chose not to
   * send; it does not retry its own refusal).
   */
  throttled(id: number, attempt: number): void {
    const core = this.core;
    if (core.logRequests) {
      core.metrics.routes.record(core.now, id, ROUTE_THROTTLED);
      const percent = Math.round(core.admission.rejectProbability() * 100);
      core.metrics.log.appendCoded(WARNING, THROTTLED, 'Client', '', id, percent, 0);
    }
    if (attempt > 0) this.retriesInFlight--;
    core.endRequest(REJECTED_THROTTLED, -1);
  }

  /**
   * The server refused attempt `r` after taking it (shed from its queue): a 503 the defences count
   * as a failure; retry it, or the request ends with `outcome` (REJECTED_SHED).
   */
  attemptRejected(r: number, outcome: number, reason: string): void {
    const core = this.core;
    const id = core.requests.id[r]!;
    const slot = this.stopWaiting(r, false);
    if (core.logRequests) {
      core.metrics.routes.record(core.now, id, ROUTE_SHED);
      core.metrics.log.appendCoded(WARNING, SHED_BY, core.pool.names[slot]!, reason, id, 0, 0);
    }
    this.retryOrEnd(r, outcome);
  }

  /** The attempt failed while the client waited: tell the defences, then retry or give up. */
  attemptFailed(r: number, reason: string): void {
    const core = this.core;
    const slot = this.stopWaiting(r, true);
    if (core.logRequests) {
      const name = core.pool.names[slot]!;
      const id = core.requests.id[r]!;
      core.metrics.log.appendCoded(ERROR, FAILED_AT, name, reason, id, 0, 0);
    }
    this.retryOrEnd(r, FAILED);
  }

  /** Event: the client's timeout for attempt `r` ran out. */
  timeout(r: number): void {
    const core = this.core;
    const req = core.requests;
    req.refs[r]!--;
    if (req.waiting[r] === 1) {
      const slot = this.stopWaiting(r, true);
      if (core.logRequests) {
        const ms = core.resilience.timeoutMs ?? 0;
        core.metrics.log.appendCoded(WARNING, TIMED_OUT_AFTER, 'Client', '', req.id[r]!, ms, 0);
      }
      if (req.phase[r] === HANGING) {
        // The client gives up on the connection it was still trying to open.
        core.pool.endService(slot);
        req.phase[r] = NOWHERE;
        core.balancers.leftServer(r, slot);
        core.startWaiting(slot);
      }
      this.retryOrEnd(r, TIMED_OUT);
    }
    req.releaseIfDone(r);
  }

  /** A retry ended (served or refused): it no longer counts against the budget. */
  retryEnded(): void {
    this.retriesInFlight--;
  }

  /**
   * Schedules another attempt if the retry policy allows one; returns whether it did. The new
   * attempt waits out its backoff in a row of its own.
   */
  retryLater(attempt: number, slot: number): boolean {
    const core = this.core;
    const id = core.sending[0]!;
    const spec = core.resilience.retry;
    if (spec.mode === 'off') return false;
    if (!retryAllowed(spec, attempt, this.retriesInFlight, core.inFlight)) {
      if (attempt < spec.maxRetries) {
        core.metrics.retriesDenied++;
        if (core.logRequests)
          core.metrics.log.appendCoded(WARNING, RETRY_REFUSED, 'LoadBalancer', '', id, 0, 0);
      }
      return false;
    }
    core.metrics.onRetry();
    this.retriesInFlight++;
    const req = core.requests;
    const r = req.allocate(core.sending, slot, attempt + 1, 0, core.sending[1]!);
    req.phase[r] = BACKOFF;
    req.refs[r] = 1;
    const delay = retryBackoff(spec, attempt + 1, core.faultsRng.next());
    core.schedule(core.now + delay, RETRY, r);
    if (core.logRequests) {
      const wait = Math.round(delay);
      core.metrics.log.appendCoded(INFO, RETRYING, 'LoadBalancer', '', id, attempt + 2, wait);
    }
    return true;
  }

  /** Event: a retry's backoff is over; it is sent like a new attempt, elsewhere if possible. */
  retry(r: number): void {
    const req = this.core.requests;
    this.stage(r);
    const attempt = req.attempt[r]!;
    const avoid = req.slot[r]!;
    req.release(r);
    this.core.dispatch(attempt, avoid);
  }

  /** Puts the request of row `r` in the core's `sending`, to be sent again. */
  private stage(r: number): void {
    const req = this.core.requests;
    const sending = this.core.sending;
    sending[0] = req.id[r]!;
    sending[1] = req.arrival[r]!;
    sending[2] = req.key[r]!;
    sending[3] = req.serviceMs[r]!;
  }

  /**
   * The client no longer waits for attempt `r`: a failure (or, `failed` false, a rejection by the
   * server) as the defences count them; its place under the limiter goes back as a drop.
   */
  private stopWaiting(r: number, failed: boolean): number {
    const core = this.core;
    const req = core.requests;
    const slot = req.slot[r]!;
    req.waiting[r] = 0;
    if (failed) core.pool.countFailed(slot);
    else core.pool.countRejected(slot);
    core.defences.onFailure(slot, req.probe[r] === 1);
    if (core.admission.engaged) core.admission.release(r, true);
    return slot;
  }

  /** After a failed, shed or timed-out attempt: send another, or the request ends with `outcome`. */
  private retryOrEnd(r: number, outcome: number): void {
    const core = this.core;
    const req = core.requests;
    // A hedged copy still running carries the request on.
    if (req.twin[r]! >= 0 && core.hedging.absorb(r)) return;
    const attempt = req.attempt[r]!;
    if (attempt > 0) this.retriesInFlight--;
    this.stage(r);
    if (this.retryLater(attempt, req.slot[r]!)) return;
    core.endRequest(outcome, r);
  }
}
