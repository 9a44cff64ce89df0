import { ROUTE_NO_HEALTHY } from '../metrics/routeTrail.ts';
import { BACKOFF, HANGING, NOWHERE } from '../requestTable.ts';
import { retryAllowed, retryBackoff } from '../resilience/retryPolicy.ts';
import { RETRY } from './eventKinds.ts';
import {
  FAILED,
  REJECTED_NO_HEALTHY,
  REJECTED_OVERLOADED,
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
   * ROUTE_NO_HEALTHY) or the one picked, `slot`, was full. Retry it, or the request is rejected.
   */
  refused(
    id: number,
    arrival: number,
    key: number,
    serviceMs: number,
    attempt: number,
    route: number,
    slot: number,
  ): void {
    const core = this.core;
    core.metrics.routes.record(core.now, id, route);
    if (slot >= 0) core.pool.countRejected(slot);
    const noHealthy = route === ROUTE_NO_HEALTHY;
    if (core.logRequests) {
      if (noHealthy)
        core.log('ERROR', 'LoadBalancer', `Request ${id} failed: No healthy servers available!`);
      else {
        const name = slot >= 0 ? core.pool.names[slot]! : 'LoadBalancer';
        core.log('ERROR', name, `Request ${id} failed: ${name} is overloaded!`);
      }
    }
    if (attempt > 0) this.retriesInFlight--;
    if (this.retryLater(id, arrival, key, serviceMs, attempt, slot)) return;
    core.endRequest(noHealthy ? REJECTED_NO_HEALTHY : REJECTED_OVERLOADED, 0);
  }

  /** The attempt failed while the client waited: tell the defences, then retry or give up. */
  attemptFailed(r: number, reason: string): void {
    const core = this.core;
    const slot = this.stopWaiting(r);
    if (core.logRequests) {
      const name = core.pool.names[slot]!;
      core.log('ERROR', name, `Request ${core.requests.id[r]} failed at ${name}: ${reason}`);
    }
    this.retryOrEnd(r, false);
  }

  /** Event: the client's timeout for attempt `r` ran out. */
  timeout(r: number): void {
    const core = this.core;
    const req = core.requests;
    req.refs[r]!--;
    if (req.waiting[r] === 1) {
      const slot = this.stopWaiting(r);
      if (core.logRequests) {
        const ms = core.resilience.timeoutMs ?? 0;
        core.log('WARNING', 'Client', `Request ${req.id[r]} timed out after ${ms} ms`);
      }
      if (req.phase[r] === HANGING) {
        // The client gives up on the connection it was still trying to open.
        core.pool.endService(slot, core.now);
        req.phase[r] = NOWHERE;
        core.balancers.leftServer(r, slot);
        core.startWaiting(slot);
      }
      this.retryOrEnd(r, true);
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
  retryLater(
    id: number,
    arrival: number,
    key: number,
    serviceMs: number,
    attempt: number,
    slot: number,
  ): boolean {
    const core = this.core;
    const spec = core.resilience.retry;
    if (spec.mode === 'off') return false;
    if (!retryAllowed(spec, attempt, this.retriesInFlight, core.inFlight)) {
      if (attempt < spec.maxRetries) {
        core.metrics.retriesDenied++;
        if (core.logRequests)
          core.log('WARNING', 'LoadBalancer', `Retry of request ${id} refused: budget spent`);
      }
      return false;
    }
    core.metrics.onRetry();
    this.retriesInFlight++;
    const req = core.requests;
    const r = req.allocate(id, arrival, key, serviceMs, slot);
    req.attempt[r] = attempt + 1;
    req.phase[r] = BACKOFF;
    req.refs[r] = 1;
    const delay = retryBackoff(spec, attempt + 1, core.faultsRng.next());
    core.schedule(core.now + delay, RETRY, r);
    if (core.logRequests) {
      const wait = Math.round(delay);
      core.log(
        'INFO',
        'LoadBalancer',
        `Retrying request ${id} (attempt ${attempt + 2}) in ${wait} ms`,
      );
    }
    return true;
  }

  /** Event: a retry's backoff is over; it is sent like a new attempt, elsewhere if possible. */
  retry(r: number): void {
    const req = this.core.requests;
    const id = req.id[r]!;
    const arrival = req.arrival[r]!;
    const key = req.key[r]!;
    const serviceMs = req.serviceMs[r]!;
    const attempt = req.attempt[r]!;
    const avoid = req.slot[r]!;
    req.release(r);
    this.core.dispatch(id, arrival, key, serviceMs, attempt, avoid);
  }

  /** The client no longer waits for attempt `r`: a failure, as the defences count them. */
  private stopWaiting(r: number): number {
    const core = this.core;
    const req = core.requests;
    const slot = req.slot[r]!;
    req.waiting[r] = 0;
    core.pool.countFailed(slot);
    core.defences.onFailure(slot, req.probe[r] === 1);
    return slot;
  }

  /** After a failed or timed-out attempt: send another, or the request ends with that outcome. */
  private retryOrEnd(r: number, timedOut: boolean): void {
    const req = this.core.requests;
    const attempt = req.attempt[r]!;
    if (attempt > 0) this.retriesInFlight--;
    const { id, arrival, key, serviceMs, slot } = req;
    if (this.retryLater(id[r]!, arrival[r]!, key[r]!, serviceMs[r]!, attempt, slot[r]!)) return;
    this.core.endRequest(timedOut ? TIMED_OUT : FAILED, 0);
  }
}
