/*
 * The hot core of a run: clock, agenda, a request's life (arrive, dispatch, serve, complete,
 * served) and sampling. The rest are parts beside this file, built once by the constructor and
 * called directly; they see the core only as a SimCore (simCore.ts), and the pool changes only
 * through ServerPool's operations. A new mechanism (README, "Adding a defence"): a part taking the
 * SimCore, off by default, with a random stream of its own if it draws; one line per event kind in
 * eventKinds.ts; hooks behind a field the hot path reads (admission in `dispatch`, queues in
 * `Sender.place` and `startWaiting`, service time in `serve`, outcomes once in `endRequest`).
 * The hot path writes phases and outcomes as numbers (`req.phase[r] = 2; // IN_SERVICE`): V8 reads
 * an imported constant from its module's context, with a check, at every use (eight such uses were
 * 1.6% of a request's instructions). src/hotPathNumbers.test.ts holds the names to these numbers.
 */
import { Agenda } from '../agenda.ts';
import { CacheLayer } from '../cacheLayer.ts';
import type { LogLevel } from '../metrics/eventLog.ts';
import { COMPLETED, HANDLING } from '../metrics/requestLines.ts';
import { ROUTE_LIMITED, ROUTE_NO_HEALTHY, ROUTE_OVERLOADED } from '../metrics/routeTrail.ts';
import { RunMetrics } from '../metrics/runMetrics.ts';
import { streamRng, type Xoshiro128 } from '../random.ts';
import { HANGING, NOWHERE, RequestTable } from '../requestTable.ts';
import type { ResilienceSpec, Scenario } from '../scenario/types.ts';
import { ServerPool } from '../serverPool.ts';
import { Autoscaler } from './autoscaler.ts';
import { Balancers } from './balancers.ts';
import { Defences } from './defences.ts';
import { answered, buildOverloadParts, overloadOn, type OverloadParts } from './overloadParts.ts';
import { ARRIVAL, bindEventHandlers, COMPLETE, SCHEDULED } from './eventKinds.ts';
import { Objectives } from './objectives.ts';
import { PickExplainer } from './pickExplainer.ts';
import { RetryFlow } from './retryFlow.ts';
import { ServerOperations } from './serverOperations.ts';
import { Sender } from './sender.ts';
import {
  FAIL_FAST_MS,
  FAILED,
  REJECTED_NO_HEALTHY,
  REJECTED_OVERLOADED,
  REJECTED_SHED,
  SERVED,
  TIMED_OUT,
  type SimCore,
  type SimulationOptions,
} from './simCore.ts';
import { TrafficSources } from './trafficSources.ts';

/** The hot core of a run (see the top of this file); `Simulation` is the class to use. */
export class SimulationCore implements SimCore {
  /** Simulated time in ms. */
  now = 0;
  readonly pool = new ServerPool(this);
  readonly metrics: RunMetrics;
  readonly cache: CacheLayer;
  readonly requests = new RequestTable();
  resilience: ResilienceSpec;
  readonly sampleIntervalMs: number;
  readonly durationMs: number | null;
  logRequests: boolean;
  /** Events processed so far: with the clock, it pins a point of the run exactly. */
  eventsProcessed = 0;
  readonly strategyRng: Xoshiro128;
  readonly faultsRng: Xoshiro128;
  // The parts, built once; each holds this core as its SimCore.
  readonly traffic: TrafficSources;
  readonly operations: ServerOperations;
  readonly defences: Defences;
  readonly retries: RetryFlow;
  readonly balancers: Balancers;
  readonly explainer: PickExplainer;
  readonly sender: Sender;
  // Overload control's parts (overloadParts.ts), assigned together in the constructor.
  declare readonly queues: OverloadParts['queues'];
  declare readonly admission: OverloadParts['admission'];
  declare readonly hedging: OverloadParts['hedging'];
  declare readonly clients: OverloadParts['clients'];
  readonly autoscaler: Autoscaler;
  readonly objectives: Objectives;
  readonly sending = new Float64Array(4);
  protected readonly agenda = new Agenda(ARRIVAL);
  // The hot path's two kinds as fields (one load each; an imported binding: see the top).
  private readonly completeKind = COMPLETE;
  private readonly arrivalKind = ARRIVAL;
  /** Each kind's handler (see eventKinds.ts), bound once. */
  private readonly handlers: ((data: number) => void)[];
  nextRequestId = 1;
  /** Some overload mechanism was on at some point: the summary reports their figures. */
  overloadSeen = false;
  /**
   * Whether a request's send, answer or end has an optional mechanism to consult: overload control
   * (since first on), outlier detection, breakers, client timeouts or an SLO. Off in the plain
   * model, where each of those steps then costs one test (see refreshExtras).
   */
  extrasOn = false;
  private nextSampleAt: number;
  /** Requests not yet ended (the client still waits). */
  private callsInFlight = 0;

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    const seed = scenario.seed;
    this.strategyRng = streamRng(seed, 'strategy');
    this.faultsRng = streamRng(seed, 'faults');
    this.logRequests = options.logRequests ?? true;
    this.metrics = new RunMetrics(
      options.historyLength ?? 600,
      options.logCapacity ?? 10_000,
      scenario.keys.count,
      this,
    );
    this.metrics.log.nameServersFrom(this.pool);
    this.sampleIntervalMs = scenario.sampleIntervalMs;
    this.nextSampleAt = scenario.sampleIntervalMs;
    this.durationMs = scenario.durationMs;
    this.resilience = scenario.resilience;
    Object.assign(this, buildOverloadParts(this, scenario));
    this.traffic = new TrafficSources(this, this.agenda, scenario);
    this.explainer = new PickExplainer(this, options.explainPicks ?? this.logRequests);
    this.sender = new Sender(this);
    this.operations = new ServerOperations(this);
    this.defences = new Defences(this);
    this.retries = new RetryFlow(this);
    const { strategy, strategyOptions } = scenario;
    this.balancers = new Balancers(this, strategy, strategyOptions, options.customStrategy);
    this.objectives = new Objectives(this);
    this.autoscaler = new Autoscaler(this);
    this.handlers = bindEventHandlers(this);
    this.balancers.wire();
    this.cache = new CacheLayer(scenario.cache);
    this.operations.addInitial(scenario.servers);
    for (const spec of scenario.traffic) this.traffic.add(spec);
    scenario.events.forEach((e, i) => this.agenda.push(e.at, SCHEDULED, i));
    this.defences.startHealthChecks();
    this.balancers.startLoadUpdates();
    this.defences.updatePanic();
    this.overloadSeen = overloadOn(this, this.resilience);
    if (this.overloadSeen) this.metrics.overload.start(0);
    this.refreshExtras();
  }

  /** Recomputes `extrasOn`, after any setting it sums up changed. */
  protected refreshExtras(): void {
    const d = this.defences;
    this.extrasOn =
      this.overloadSeen ||
      d.outlierOn ||
      d.breakerOn ||
      this.resilience.timeoutMs !== null ||
      this.objectives.slo !== null;
  }

  /** Requests that have arrived and not yet ended. */
  get inFlight(): number {
    return this.callsInFlight;
  }

  /**
   * The event loop: processes up to `count` events due by `end` as fast as possible (the clock
   * jumps from event to event). It stops once the run is over for good (see settledForGood) unless
   * `settle` is false, as for runUntil, which goes on through recurring events to its time. Each
   * event is handled here rather than in a method: one call fewer per event, 2.5% of a request's
   * instructions (a wrapper around a loop elsewhere lost that to V8's inlining).
   */
  runEvents(count: number, end = this.durationMs ?? Infinity, settle = true): number {
    const agenda = this.agenda;
    const completeKind = this.completeKind;
    const arrivalKind = this.arrivalKind;
    let done = 0;
    while (done < count) {
      if (this.callsInFlight === 0 && settle && this.settledForGood()) break;
      const kind = agenda.take(end);
      if (kind < 0) break;
      this.advanceClock(agenda.time);
      this.eventsProcessed++;
      const data = agenda.data;
      if (kind === completeKind) this.complete(data);
      else if (kind === arrivalKind) this.traffic.sourceArrival(data);
      else this.handlers[kind]!(data);
      done++;
    }
    return done;
  }

  /**
   * With no duration, a run ends when traffic and scheduled events are over and every request and
   * all servers' work have ended; what recurs on the agenda then (health checks…) changes nothing.
   */
  protected settledForGood(): boolean {
    if (this.durationMs !== null || this.callsInFlight !== 0 || this.requests.size !== 0)
      return false;
    const events = this.scenario.events;
    const scheduledPending = events.length > 0 && events[events.length - 1]!.at > this.now;
    return !this.traffic.pending && !this.clients.pending && !scheduledPending;
  }

  // ---- What the parts call (SimCore). ----

  schedule(time: number, kind: number, data: number, first = false): void {
    this.agenda.push(time, kind, data, first);
  }

  log(level: LogLevel, source: string, message: string): void {
    this.metrics.log.append(this.now, level, source, message);
  }

  /** One request reaches the balancer now. */
  arrive(): void {
    const id = this.nextRequestId++;
    // Every request takes a key (drawn, or owed: deferredKeys.ts) and a service time: streams align.
    const traffic = this.traffic;
    const key = traffic.keyDraws.deferred ? 0 : traffic.keySampler.sample();
    const serviceMs = traffic.serviceSampler.sample();
    this.metrics.onArrival();
    this.callsInFlight++;
    const sending = this.sending;
    sending[0] = id;
    sending[1] = this.now;
    sending[2] = key;
    sending[3] = serviceMs;
    this.dispatch(0, -1);
  }

  /** Sends one attempt of request `id` through its balancer, avoiding `avoid` if it can. */
  dispatch(attempt: number, avoid: number): void {
    const pool = this.pool;
    const id = this.sending[0]!;
    const balancers = this.balancers;
    const admission = this.admission;
    if (this.extrasOn && admission.throttleOn && !admission.admit())
      return this.retries.throttled(id, attempt);
    const b = balancers.balancerFor(id);
    if (balancers.healthyCount(b) === 0) {
      this.retries.refused(attempt, ROUTE_NO_HEALTHY, -1);
      return;
    }
    const explainer = this.explainer;
    const traced = this.now >= explainer.nextAt;
    const trace = traced ? explainer.begin() : null;
    const slot = balancers.pick(b, id, attempt, this.sending[2]!, avoid, trace);
    const placed = slot >= 0 && pool.healthy[slot] === 1;
    if (traced) explainer.record(id, attempt, b, slot, placed, balancers.isStale(b));
    if (!placed) {
      this.retries.refused(attempt, ROUTE_OVERLOADED, slot);
      return;
    }
    const inflight = this.extrasOn && admission.limiterOn ? admission.acquire(slot) : -1;
    if (inflight === 0) {
      this.retries.refused(attempt, ROUTE_LIMITED, slot);
      return;
    }
    this.sender.send(attempt, b, slot, inflight);
  }

  /** Moves queued requests into free service slots of a server. */
  startWaiting(slot: number): void {
    const pool = this.pool;
    if (this.queues.on) this.queues.startWaiting(slot);
    else
      while (pool.canStartQueued(slot))
        this.serve(pool.startQueued(slot), slot, pool.active[slot]!);
    if (pool.draining[slot] === 1) this.operations.finishDrain(slot);
  }

  endRequest(outcome: number, r: number): void {
    const m = this.metrics;
    if (outcome === 0 /* SERVED */) {
      const latencyMs = this.now - this.requests.arrival[r]!;
      m.onServed(latencyMs);
    } else if (outcome === FAILED) m.onFailed();
    else if (outcome === TIMED_OUT) m.onTimedOut();
    else if (outcome <= REJECTED_OVERLOADED) m.onReject(outcome === REJECTED_NO_HEALTHY);
    else m.onRejectOther(outcome - REJECTED_SHED);
    this.callsInFlight--;
    if (this.extrasOn) this.endedExtras(outcome, r);
  }

  /** endRequest's part for overload control's figures, closed-loop clients and the SLO. */
  private endedExtras(outcome: number, r: number): void {
    if (outcome === SERVED && this.overloadSeen)
      this.metrics.overload.onServed(this.now - this.requests.arrival[r]!);
    if (this.clients.on) this.clients.ended(r >= 0 ? this.requests.id[r]! : this.sending[0]!);
    if (this.objectives.slo !== null) this.objectives.requestEnded(outcome, r);
  }

  // ---- The event loop. ----

  /** Moves the clock forward, closing every sample interval passed on the way. */
  protected advanceClock(time: number): void {
    if (time < this.nextSampleAt) {
      // Within the current interval (nearly every event): nothing to close.
      if (time >= this.now) this.now = time;
      return;
    }
    if (time < this.now) return;
    const interval = this.sampleIntervalMs;
    // After a long quiet spell only the last `historyLength` samples would survive anyway.
    const skipTo = time - interval * this.metrics.historyLength;
    if (this.nextSampleAt < skipTo)
      this.nextSampleAt += Math.floor((skipTo - this.nextSampleAt) / interval) * interval;
    while (this.nextSampleAt <= time) {
      this.now = this.nextSampleAt;
      this.metrics.sample(
        this.nextSampleAt,
        interval,
        this.pool.active,
        this.pool.queued,
        this.callsInFlight,
      );
      if (this.overloadSeen)
        this.metrics.overload.sample(interval, this.pool.size, this.admission.limitReader);
      this.nextSampleAt += interval;
    }
    this.now = time;
  }

  // ---- A request's life at its server. ----

  /** Attempt `r` begins service at `slot`, which now has `active` in service. */
  serve(r: number, slot: number, active: number): void {
    const pool = this.pool;
    const req = this.requests;
    req.phase[r] = 2; // IN_SERVICE (a number on the hot path: see the top of this file)
    req.begun[r] = this.now;
    let duration = req.serviceMs[r]!;
    const errorRate = pool.errorRate[slot]!;
    if (errorRate > 0 && this.faultsRng.next() < errorRate) {
      req.fail[r] = 1;
      duration = FAIL_FAST_MS;
    } else {
      const cache = this.cache.forSlot(slot);
      if (cache !== null) {
        const key = req.key[r]!;
        const hit = cache.lookup(key);
        this.metrics.onCacheLookup(key, hit);
        pool.countCacheLookup(slot, hit);
        if (hit) duration = this.cache.spec.hitMs;
        else req.miss[r] = 1;
      }
    }
    if (this.queues.contentionOn && req.fail[r] === 0) duration *= this.queues.factor(active);
    req.refs[r]!++;
    const end = this.now + (duration * pool.spike[slot]!) / pool.speed[slot]!;
    this.agenda.pushMain(end, this.completeKind, r);
    if (this.logRequests)
      this.metrics.log.serverLine(HANDLING, slot, req.id[r]!, active, pool.capacity[slot]!);
  }

  /** Event: attempt `r` leaves its server. */
  private complete(r: number): void {
    const pool = this.pool;
    const req = this.requests;
    req.refs[r]!--;
    const phase = req.phase[r];
    const slot = req.slot[r]!;
    if (phase === 2 /* IN_SERVICE */) {
      const active = pool.endService(slot);
      req.phase[r] = 0; // NOWHERE
      const failed = req.fail[r] === 1;
      // A miss stores its result once it has been computed, as lru_cache does.
      if (!failed && req.miss[r] === 1) this.cache.forSlot(slot)?.insert(req.key[r]!);
      if (this.balancers.hooked) this.balancers.leftServer(r, slot);
      if (req.waiting[r] === 0) {
        this.metrics.lateResponses++;
        this.metrics.wastedMs += this.now - req.begun[r]!;
      } else if (failed) this.retries.attemptFailed(r, 'the server answered with an error');
      else if (pool.partitioned[slot] === 1) this.retries.attemptFailed(r, 'the answer was lost');
      else this.served(r, slot, active);
      this.startWaiting(slot);
    } else if (phase === HANGING) {
      pool.endService(slot);
      req.phase[r] = NOWHERE;
      this.balancers.leftServer(r, slot);
      if (req.waiting[r] === 1) this.retries.attemptFailed(r, 'the connection timed out');
      this.startWaiting(slot);
    }
    req.releaseIfDone(r);
  }

  private served(r: number, slot: number, active: number): void {
    const pool = this.pool;
    const req = this.requests;
    pool.countServed(slot);
    req.waiting[r] = 0;
    if (this.extrasOn) answered(this, r);
    this.endRequest(0 /* SERVED */, r);
    if (req.attempt[r] !== 0) this.retries.retryEnded();
    if (this.balancers.hooked) this.balancers.completed(r, slot);
    if (this.extrasOn) {
      const defences = this.defences;
      if (defences.outlierOn || defences.breakerOn) defences.onSuccess(slot, req.probe[r] === 1);
    }
    if (this.logRequests)
      this.metrics.log.serverLine(COMPLETED, slot, req.id[r]!, active, pool.capacity[slot]!);
  }
}
