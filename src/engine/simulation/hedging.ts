import { INFO, WARNING } from '../metrics/eventLog.ts';
import { HEDGE_REFUSED, HEDGED_TO } from '../metrics/requestLines.ts';
import { ROUTE_HEDGE_BASE } from '../metrics/routeTrail.ts';
import type { HedgeSpec } from '../overload/specs.ts';
import type { Rng } from '../random.ts';
import type { ServiceSpec } from '../scenario/types.ts';
import { createServiceSampler, type ServiceSampler } from '../serviceTime.ts';
import { HANGING, IN_SERVICE, NOWHERE, QUEUED } from '../requestTable.ts';
import { HEDGE } from './eventKinds.ts';
import type { SimCore } from './simCore.ts';

/**
 * Hedged requests (Dean & Barroso, "The Tail at Scale", 2013): an attempt with no answer after
 * `afterMs` gets a second copy, sent through the same balancer to another server, with a service
 * time of its own drawn from the hedge stream (a slow answer comes from the server's moment, not
 * from the request). The first answer serves the request; the other copy is cancelled (taken out
 * of its queue or stopped) or, with `cancelLoser` off, left to finish as wasted work. A copy that
 * fails while the other still runs ends quietly; only the last copy's failure is the request's.
 * The two copies are linked rows (`twin`); the copy is marked `hedge`.
 */
export class Hedging {
  /** Hedging is on: the core schedules a hedge for every attempt it places. */
  on = false;
  private spec: HedgeSpec;
  /** A copy's service time: the requests' distribution, drawn from the hedge stream. */
  private serviceTimes: ServiceSampler;
  /** How a copy is placed, reused (no allocation per hedge). */
  private readonly copy = { inflight: 0, copyOf: -1, route: 0 };

  constructor(
    private readonly core: SimCore,
    spec: HedgeSpec,
    service: ServiceSpec,
    private readonly rng: Rng,
  ) {
    this.spec = spec;
    this.serviceTimes = createServiceSampler(service, rng);
    this.configure(spec);
  }

  /** The requests' service time distribution changed: copies draw from the new one. */
  setService(spec: ServiceSpec): void {
    this.serviceTimes = createServiceSampler(spec, this.rng);
  }

  configure(spec: HedgeSpec): void {
    this.spec = spec;
    this.on = spec.afterMs !== null;
    this.core.metrics.overload.hedges.budgetPercent = spec.budgetPercent;
  }

  /** Attempt `r` was just placed: its hedge is due `afterMs` from now. */
  arm(r: number): void {
    const core = this.core;
    core.requests.refs[r]!++;
    core.schedule(core.now + this.spec.afterMs!, HEDGE, r);
  }

  /** Event: attempt `r` has had no answer for `afterMs`: send a copy elsewhere, if allowed. */
  fire(r: number): void {
    const core = this.core;
    const req = core.requests;
    req.refs[r]!--;
    if (this.on && req.waiting[r] === 1 && req.twin[r]! < 0 && req.hedge[r] === 0) this.send(r);
    req.releaseIfDone(r);
  }

  /**
   * Attempt `r` answered first: the request is served by it. Its twin, if it still runs, is
   * cancelled or left to finish unwanted. Counts a win when the copy beat the original.
   */
  settle(r: number): void {
    const core = this.core;
    const req = core.requests;
    const twin = req.twin[r]!;
    req.twin[r] = -1;
    if (twin < 0) return;
    req.twin[twin] = -1;
    const ledger = core.metrics.overload.hedges;
    if (req.hedge[r] === 1) ledger.won++;
    if (req.waiting[twin] === 0) return;
    req.waiting[twin] = 0;
    core.admission.release(twin, false, true);
    if (this.spec.cancelLoser) this.cancel(twin);
    req.releaseIfDone(twin);
  }

  /**
   * Attempt `r` failed (error, timeout, shed): if its twin still runs, the request waits for that
   * one and this failure ends quietly. Returns whether it did.
   */
  absorb(r: number): boolean {
    const req = this.core.requests;
    const twin = req.twin[r]!;
    if (twin < 0) return false;
    req.twin[r] = -1;
    req.twin[twin] = -1;
    return req.waiting[twin] === 1;
  }

  private send(r: number): void {
    const core = this.core;
    const req = core.requests;
    const ledger = core.metrics.overload.hedges;
    const b = req.lb[r]!;
    const balancers = core.balancers;
    const id = req.id[r]!;
    if (balancers.healthyCount(b) === 0) return;
    const avoid = req.slot[r]!;
    const slot = balancers.pick(b, id, req.attempt[r]!, req.key[r]!, avoid, null);
    // A hedge goes to another server or not at all (there is no point in queueing behind itself).
    if (slot < 0 || slot === avoid || core.pool.healthy[slot] !== 1) return;
    if (!ledger.allow(core.metrics.arrived)) {
      if (core.logRequests)
        core.metrics.log.appendCoded(WARNING, HEDGE_REFUSED, 'Client', '', id, 0, 0);
      return;
    }
    let inflight = 0;
    if (core.admission.limiterOn) {
      inflight = core.admission.acquire(slot);
      if (inflight === 0) return;
    }
    core.metrics.overload.onHedge();
    if (core.logRequests) {
      const ms = Math.round(core.now - req.sent[r]!);
      core.metrics.log.appendCoded(INFO, HEDGED_TO, core.pool.names[slot]!, '', id, ms, 0);
    }
    // The copy is the same request with a service time of its own (see SimCore.sending).
    const sending = core.sending;
    sending[0] = id;
    sending[1] = req.arrival[r]!;
    sending[2] = req.key[r]!;
    sending[3] = this.serviceTimes.sample();
    const copy = this.copy;
    copy.inflight = inflight;
    copy.copyOf = r;
    copy.route = ROUTE_HEDGE_BASE - slot;
    core.sender.place(req.attempt[r]!, b, slot, copy);
  }

  /** Stops a copy nobody waits for any more: out of its queue, or its place freed at once. */
  private cancel(r: number): void {
    const core = this.core;
    const req = core.requests;
    const pool = core.pool;
    const slot = req.slot[r]!;
    const phase = req.phase[r];
    if (phase === QUEUED) {
      if (!pool.removeQueued(slot, r)) return;
    } else if (phase === IN_SERVICE || phase === HANGING) {
      // Its completion event still names the row; it finds the row NOWHERE and does nothing.
      pool.endService(slot);
    } else return;
    req.phase[r] = NOWHERE;
    core.balancers.leftServer(r, slot);
    core.metrics.overload.hedges.cancelled++;
    core.startWaiting(slot);
  }
}
