import { CacheLayer } from './cacheLayer.ts';
import { Agenda } from './agenda.ts';
import { ROUTE_NO_HEALTHY, ROUTE_OVERLOADED } from './metrics/routeTrail.ts';
import type { PoolView } from './poolView.ts';
import { CircuitBreakers, CLOSED, HALF_OPEN, OPEN } from './resilience/circuitBreakers.ts';
import { HealthChecks } from './resilience/healthChecks.ts';
import { OutlierDetector } from './resilience/outlierDetector.ts';
import { retryAllowed, retryBackoff } from './resilience/retryPolicy.ts';
import { SLOW_START_STEPS, slowStartLimit } from './resilience/slowStart.ts';
import { StaleLoadView } from './staleLoadView.ts';
import { keyCounterFor } from './metrics/keyCounts.ts';
import { RunMetrics } from './metrics/runMetrics.ts';
import { streamRng, type Xoshiro128 } from './random.ts';
import { BACKOFF, HANGING, IN_SERVICE, NOWHERE, QUEUED, RequestTable } from './requestTable.ts';
import type {
  CacheSpec,
  KeySpec,
  ResilienceSpec,
  Scenario,
  ServerChanges,
  ServerSpec,
  ServiceSpec,
} from './scenario/types.ts';
import { ServerPool } from './serverPool.ts';
import { createServiceSampler } from './serviceTime.ts';
import { createStrategy } from './strategies/index.ts';
import {
  newPickTrace,
  resetPickTrace,
  type PickTrace,
  type Strategy,
  type StrategyName,
  type StrategyOptions,
} from './strategies/strategy.ts';
import { ArrivalSource } from './traffic.ts';
import { ZipfSampler } from './zipf.ts';

/** Kinds of event on the agenda. */
const ARRIVAL = 1;
/** An attempt leaves its server: served, failed, or (hanging) its connection timed out. */
const COMPLETE = 2;
const SCHEDULED = 3;
/** The client stops waiting for an attempt. */
const TIMEOUT = 4;
/** A retry's backoff is over: send it. */
const RETRY = 5;
/** A round of active health checks. */
const CHECK = 6;
/** A health check of an unreachable server ran out of time. */
const CHECK_TIMED_OUT = 7;
const UNEJECT = 8;
const BREAKER_HALF_OPEN = 9;
const SLOW_START_STEP = 10;
const SPIKE_END = 11;
/** Balancers with stale load information get their periodic update. */
const LOAD_UPDATE = 12;

/** How long a sinkhole takes to fail a request: quickly, which is what makes it attractive. */
export const FAIL_FAST_MS = 5;

/** One of the independent balancers: its own strategy state and its own view of the load. */
interface Balancer {
  readonly strategy: Strategy;
  readonly view: PoolView;
  readonly stale: StaleLoadView | null;
}

/** How a run reports and remembers. */
export interface SimulationOptions {
  /** Log every request's dispatch and completion, as the demo does. Default true. */
  readonly logRequests?: boolean;
  /** Samples kept per time series. Default 600 (a minute at the default 100 ms interval). */
  readonly historyLength?: number;
  /** Log entries kept. Default 10,000. */
  readonly logCapacity?: number;
  /**
   * Explain one sampled routing decision per sample interval ("why this server?"). Default: as
   * `logRequests` (headless runs need neither).
   */
  readonly explainPicks?: boolean;
}

const SYSTEM = 'LoadBalancerSystem';

/**
 * A discrete-event simulation of one load balancer in front of a pool of servers. Time is
 * simulated milliseconds and only moves by taking events off the agenda; nothing sleeps. Each
 * request draws its key and service time from their own seeded streams at arrival, so the same
 * scenario and seed replay exactly and two strategies can be compared on identical work.
 *
 * Every request ends exactly once: served, rejected (no healthy server, or the server it was sent
 * to was full), failed, or timed out. With retries on, a failed, timed-out or rejected attempt may
 * be sent again; the request's outcome is its last attempt's.
 */
export class Simulation {
  /** Simulated time in ms. */
  now = 0;
  readonly pool = new ServerPool();
  readonly metrics: RunMetrics;
  readonly cache: CacheLayer;
  strategyName: StrategyName;
  strategyOptions: Required<StrategyOptions>;
  service: ServiceSpec;
  keys: KeySpec;
  resilience: ResilienceSpec;
  readonly sampleIntervalMs: number;
  readonly durationMs: number | null;
  logRequests: boolean;
  /** Events processed so far: with the clock, it pins a point of the run exactly. */
  eventsProcessed = 0;
  readonly outliers = new OutlierDetector();
  readonly breakers = new CircuitBreakers();
  readonly healthChecks = new HealthChecks();

  private readonly agenda = new Agenda(ARRIVAL);
  private readonly requests = new RequestTable();
  private readonly sources: ArrivalSource[] = [];
  private readonly arrivalsRng: Xoshiro128;
  private readonly keysRng: Xoshiro128;
  private readonly serviceRng: Xoshiro128;
  private readonly strategyRng: Xoshiro128;
  private readonly faultsRng: Xoshiro128;
  private keySampler: ZipfSampler;
  private serviceSampler: () => number;
  private nextRequestId = 1;
  private nextSampleAt: number;
  /** The live steady-rate source, if the user set one. */
  private steadySource = -1;
  private readonly pickContext: { key: number; now: number; trace: PickTrace | null } = {
    key: 0,
    now: 0,
    trace: null,
  };
  private balancers: Balancer[] = [];
  private strategy0!: Strategy;
  /** More than one balancer, or stale load views: dispatches and departures must tell them. */
  private multiBalancer = false;
  // Switches read on every request, kept as plain fields (resilience settings change rarely).
  private outlierOn = false;
  private breakerOn = false;
  private timeoutMs: number | null = null;
  private readonly fanOut = {
    onServerChange: (_pool: PoolView, slot: number): void => {
      for (const b of this.balancers) {
        if (b.stale !== null) b.stale.refresh(slot);
        else b.strategy.onServerChange?.(this.pool, slot);
      }
    },
  };
  private readonly trace = newPickTrace();
  private nextTraceAt = 0;
  /** Requests not yet ended (the client still waits), and retries among their attempts. */
  private callsInFlight = 0;
  private retriesInFlight = 0;
  /** Event generations: a change of settings orphans the pending events of the old ones. */
  private checkGeneration = 0;
  private loadUpdateGeneration = 0;
  // Per slot: when an ejection, an open circuit, a spike ends, and when the next ramp step is due.
  private readonly ejectedUntil: number[] = [];
  private readonly breakerUntil: number[] = [];
  private readonly spikeUntil: number[] = [];
  private readonly rampStart: number[] = [];
  private readonly rampNext: number[] = [];

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    const seed = scenario.seed;
    this.arrivalsRng = streamRng(seed, 'arrivals');
    this.keysRng = streamRng(seed, 'keys');
    this.serviceRng = streamRng(seed, 'service');
    this.strategyRng = streamRng(seed, 'strategy');
    this.faultsRng = streamRng(seed, 'faults');
    this.logRequests = options.logRequests ?? true;
    if (!(options.explainPicks ?? this.logRequests)) this.nextTraceAt = Infinity;
    this.metrics = new RunMetrics(
      options.historyLength ?? 600,
      options.logCapacity ?? 10_000,
      scenario.keys.count,
    );
    this.sampleIntervalMs = scenario.sampleIntervalMs;
    this.nextSampleAt = scenario.sampleIntervalMs;
    this.durationMs = scenario.durationMs;
    this.strategyName = scenario.strategy;
    this.strategyOptions = scenario.strategyOptions;
    this.resilience = scenario.resilience;
    this.readSwitches();
    this.wireBalancers();
    this.service = scenario.service;
    this.serviceSampler = createServiceSampler(scenario.service, this.serviceRng);
    this.keys = scenario.keys;
    this.keySampler = new ZipfSampler(scenario.keys.count, scenario.keys.zipf, this.keysRng);
    this.cache = new CacheLayer(scenario.cache);
    for (const spec of scenario.servers) this.addServer(spec);
    for (const spec of scenario.traffic) this.addSource(new ArrivalSource(spec, this.arrivalsRng));
    scenario.events.forEach((e, i) => this.agenda.push(e.at, SCHEDULED, i));
    this.startHealthChecks();
    this.startLoadUpdates();
    this.updatePanic();
  }

  /** The first balancer's strategy (every balancer runs the same one). */
  get strategy(): Strategy {
    return this.strategy0;
  }

  /** Requests that have arrived and not yet ended. */
  get inFlight(): number {
    return this.callsInFlight;
  }

  /** Attempts holding a row: in flight, or answered late and still being worked on. */
  get attemptsHeld(): number {
    return this.requests.size;
  }

  /** Attempts some client still waits for (a check: one per request in flight). */
  attemptsAwaited(): number {
    return this.requests.countWaiting();
  }

  /** True when nothing is left to happen: no pending event and no duration still to run. */
  get finished(): boolean {
    if (this.durationMs !== null) return this.now >= this.durationMs;
    return this.agenda.size === 0 || this.settledForGood();
  }

  /** Time of the next event, or Infinity. */
  get nextEventTime(): number {
    return this.agenda.peekTime();
  }

  /** Runs to the end: the duration, or until traffic ends and every request finished. */
  runToEnd(): void {
    const end = this.durationMs ?? Infinity;
    while (this.agenda.size > 0 && this.agenda.peekTime() <= end && !this.settledForGood())
      this.processNext();
    if (this.durationMs !== null) this.advanceClock(this.durationMs);
  }

  /**
   * Processes every event up to and including `time`, then sets the clock to it. With `maxEvents`
   * it stops early after that many events (the clock then stays at the last one), so a caller with
   * a frame budget can come back for the rest. Returns whether `time` was reached.
   */
  runUntil(time: number, maxEvents = Infinity): boolean {
    const end = Math.min(time, this.durationMs ?? Infinity);
    let budget = maxEvents;
    while (this.agenda.size > 0 && this.agenda.peekTime() <= end) {
      if (budget-- <= 0) return false;
      this.processNext();
    }
    this.advanceClock(end);
    return true;
  }

  /** Processes up to `count` events as fast as possible (the clock jumps from event to event). */
  runEvents(count: number): number {
    let done = 0;
    while (done < count && this.step()) done++;
    return done;
  }

  /** Processes the single next event, if any (within the duration). Returns whether one ran. */
  step(): boolean {
    if (this.agenda.size === 0 || this.settledForGood()) return false;
    if (this.durationMs !== null && this.agenda.peekTime() > this.durationMs) return false;
    this.processNext();
    return true;
  }

  // ---- Live operations: each takes effect at the current simulated time. ----

  /** Registers a server; returns its slot. */
  addServer(spec: ServerSpec): number {
    const slot = this.pool.add(spec, this.now);
    this.metrics.addServerSeries(slot);
    this.log('INFO', SYSTEM, `Server ${spec.name} registered with capacity ${spec.capacity}`);
    this.updatePanic();
    return slot;
  }

  /** Takes a server out of the registry; what it holds still finishes. */
  removeServer(slot: number): void {
    if (!this.pool.member[slot]) return;
    this.pool.remove(slot);
    if (this.pool.ejected[slot] === 1) {
      this.pool.ejected[slot] = 0;
      this.outliers.restore(slot);
    }
    this.log('WARNING', SYSTEM, `Server ${this.pool.names[slot]} removed from the registry`);
    this.updatePanic();
  }

  /**
   * Drains a server: the balancer is told to send it nothing new; those it holds still finish,
   * then it is down. (The scenario action `kill` is this, its older name.)
   */
  killServer(slot: number): void {
    const pool = this.pool;
    if (!pool.member[slot] || !pool.up[slot] || pool.draining[slot]) return;
    pool.draining[slot] = 1;
    this.log('WARNING', pool.names[slot]!, `Server ${pool.names[slot]} is draining`);
    this.finishDrain(slot);
    pool.refresh(slot);
  }

  /** Crashes a server: it goes down at once and every request it holds fails. */
  crashServer(slot: number): void {
    const pool = this.pool;
    if (!pool.member[slot] || !pool.up[slot]) return;
    pool.up[slot] = 0;
    pool.draining[slot] = 0;
    const name = pool.names[slot]!;
    this.log('ERROR', name, `Server ${name} crashed`);
    const req = this.requests;
    const queue = pool.queues[slot]!;
    while (pool.queued[slot]! > 0) {
      pool.queued[slot]!--;
      const r = queue.shift();
      req.phase[r] = NOWHERE;
      this.leftServer(r, slot);
      if (req.waiting[r] === 1) this.attemptFailed(r, 'the server crashed');
      req.releaseIfDone(r);
    }
    pool.accrue(slot, this.now);
    for (let r = 0; r < req.highWater; r++) {
      const phase = req.phase[r];
      if (req.slot[r] !== slot || (phase !== IN_SERVICE && phase !== HANGING)) continue;
      pool.active[slot]!--;
      req.phase[r] = NOWHERE;
      this.leftServer(r, slot);
      if (req.waiting[r] === 1) this.attemptFailed(r, 'the server crashed');
      // Its completion event still names the row; the row is freed when it fires.
    }
    if (this.resilience.healthCheck.mode === 'instant') this.setBelief(slot, false, 'it crashed');
    pool.refresh(slot);
  }

  reviveServer(slot: number): void {
    const pool = this.pool;
    if (!pool.member[slot]) return;
    const name = pool.names[slot]!;
    if (pool.draining[slot]) {
      pool.draining[slot] = 0;
      this.log('INFO', name, `Server ${name} stopped draining`);
      pool.refresh(slot);
      return;
    }
    if (pool.up[slot]) return;
    pool.up[slot] = 1;
    this.log('INFO', name, `Server ${name} is up again`);
    const mode = this.resilience.healthCheck.mode;
    // Active checks find out by themselves; otherwise the operator's "up" reaches the balancer.
    if (mode === 'instant') this.setBelief(slot, pool.partitioned[slot] === 0, 'it is up');
    else if (mode === 'none' && pool.lbUp[slot] === 0) this.setBelief(slot, true, 'it is up');
    pool.refresh(slot);
  }

  updateServer(slot: number, changes: ServerChanges): void {
    const pool = this.pool;
    if (!pool.member[slot]) return;
    const before = pool.names[slot]!;
    pool.update(slot, changes, this.now);
    if (changes.capacity !== undefined && this.rampNext[slot] !== undefined)
      this.slowStartStep(slot, false);
    if (changes.partitioned !== undefined && this.resilience.healthCheck.mode === 'instant') {
      const reachable = pool.up[slot] === 1 && pool.partitioned[slot] === 0;
      this.setBelief(slot, reachable, reachable ? 'the partition healed' : 'it is partitioned');
    }
    this.startWaiting(slot);
    const what = Object.entries(changes)
      .map(([k, v]) => `${k}=${v === null ? 'unbounded' : String(v)}`)
      .join(', ');
    this.log('INFO', pool.names[slot]!, `Server ${before} updated: ${what}`);
  }

  /** Multiplies a server's service times by `factor` for `durationMs` (a latency spike). */
  spikeServer(slot: number, factor: number, durationMs: number): void {
    const pool = this.pool;
    if (!pool.member[slot]) return;
    pool.spike[slot] = factor;
    this.spikeUntil[slot] = this.now + durationMs;
    this.agenda.push(this.now + durationMs, SPIKE_END, slot);
    const name = pool.names[slot]!;
    this.log('WARNING', name, `Latency spike on ${name}: ×${factor} for ${durationMs} ms`);
  }

  setStrategy(name: StrategyName, options: StrategyOptions = {}): void {
    this.strategyOptions = { ...this.strategyOptions, ...options };
    this.strategyName = name;
    this.wireBalancers();
    this.log('INFO', 'LoadBalancer', `Strategy switched to ${name}`);
  }

  /** Switches and tunes the defences; each change applies from now on. */
  setResilience(spec: ResilienceSpec): void {
    const before = this.resilience;
    this.resilience = spec;
    this.readSwitches();
    const pool = this.pool;
    if (before.outlier.enabled && !spec.outlier.enabled) {
      for (const slot of pool.members) {
        if (pool.ejected[slot] === 0) continue;
        pool.ejected[slot] = 0;
        this.outliers.restore(slot);
      }
    }
    if (before.breaker.enabled && !spec.breaker.enabled) {
      this.breakers.clear();
      pool.breakerBlocked.fill(0);
    }
    const mode = spec.healthCheck.mode;
    if (mode !== before.healthCheck.mode && mode === 'instant') {
      for (const slot of pool.members)
        pool.lbUp[slot] = pool.up[slot] === 1 && pool.partitioned[slot] === 0 ? 1 : 0;
    }
    if (
      mode !== before.healthCheck.mode ||
      spec.healthCheck.intervalMs !== before.healthCheck.intervalMs
    ) {
      for (const slot of pool.members) this.healthChecks.reset(slot);
      this.startHealthChecks();
    }
    const b0 = before.balancers;
    const b1 = spec.balancers;
    if (b0.count !== b1.count || b0.loadUpdateMs !== b1.loadUpdateMs) {
      this.wireBalancers();
      this.startLoadUpdates();
    }
    this.updatePanic();
    pool.refreshAll();
    this.log('INFO', 'LoadBalancer', 'Resilience settings changed');
  }

  setCache(spec: CacheSpec): void {
    this.cache.reconfigure(spec);
    this.log(
      'INFO',
      'Cache',
      `Cache ${spec.placement}, capacity ${spec.capacity}, hit ${spec.hitMs} ms`,
    );
  }

  setService(spec: ServiceSpec): void {
    this.service = spec;
    this.serviceSampler = createServiceSampler(spec, this.serviceRng);
  }

  setKeys(spec: KeySpec): void {
    this.keys = spec;
    this.keySampler = new ZipfSampler(spec.count, spec.zipf, this.keysRng);
    // A new key space: counts of the old keys would name keys that no longer exist.
    this.metrics.hotKeys = keyCounterFor(spec.count);
  }

  /** Sends `count` requests at the current time. */
  fireBurst(count: number): void {
    for (let i = 0; i < count; i++) this.arrive();
  }

  /** Starts (or changes, or with 0 stops) steady Poisson traffic from now on. */
  setSteadyRate(ratePerSec: number): void {
    if (this.steadySource >= 0) this.sources[this.steadySource]!.active = false;
    this.steadySource = -1;
    if (ratePerSec > 0) {
      const spec = { kind: 'poisson', from: this.now, to: Infinity, ratePerSec } as const;
      this.steadySource = this.addSource(new ArrivalSource(spec, this.arrivalsRng));
    }
  }

  /** What a balancer believes of a server, and why it might differ from the truth. */
  serverState(slot: number): ServerState {
    const pool = this.pool;
    const breaker = this.breakers.state[slot] ?? CLOSED;
    const ramp = this.rampNext[slot] !== undefined;
    return {
      up: pool.up[slot] === 1,
      believedUp: pool.lbUp[slot] === 1,
      draining: pool.draining[slot] === 1,
      partitioned: pool.partitioned[slot] === 1,
      ejected: pool.ejected[slot] === 1,
      ejectedUntil: pool.ejected[slot] === 1 ? (this.ejectedUntil[slot] ?? null) : null,
      ejections: this.outliers.ejections(slot),
      breaker: breaker === OPEN ? 'open' : breaker === HALF_OPEN ? 'half-open' : 'closed',
      slowStart: ramp ? pool.limit[slot]! / Math.max(1, pool.capacity[slot]!) : null,
      spike: pool.spike[slot]!,
      errorRate: pool.errorRate[slot]!,
      failed: pool.failed[slot]!,
    };
  }

  /** Whether the balancers are in panic mode (too few servers look healthy). */
  get panic(): boolean {
    return this.pool.panic;
  }

  private readSwitches(): void {
    const spec = this.resilience;
    this.outlierOn = spec.outlier.enabled;
    this.breakerOn = spec.breaker.enabled;
    this.timeoutMs = spec.timeoutMs;
  }

  // ---- Balancers. ----

  /** Builds each balancer's strategy (and stale view), and wires them to hear of changes. */
  private wireBalancers(): void {
    const spec = this.resilience.balancers;
    const pool = this.pool;
    const stale = spec.loadUpdateMs > 0;
    const balancers: Balancer[] = [];
    for (let i = 0; i < spec.count; i++) {
      const strategy = createStrategy(this.strategyName, this.strategyOptions);
      const listener = strategy.onServerChange
        ? (strategy as Required<Pick<Strategy, 'onServerChange'>>)
        : null;
      if (!stale) balancers.push({ strategy, view: pool, stale: null });
      else {
        const view = new StaleLoadView(pool);
        view.listener = listener;
        view.sync();
        balancers.push({ strategy, view, stale: view });
      }
    }
    this.balancers = balancers;
    this.strategy0 = balancers[0]!.strategy;
    this.multiBalancer = balancers.length > 1 || stale;
    if (balancers.length === 1 && !stale) {
      const strategy = balancers[0]!.strategy;
      pool.listener = strategy.onServerChange
        ? (strategy as Required<Pick<Strategy, 'onServerChange'>>)
        : null;
    } else pool.listener = this.fanOut;
  }

  private startLoadUpdates(): void {
    const every = this.resilience.balancers.loadUpdateMs;
    this.loadUpdateGeneration++;
    if (every > 0) this.agenda.push(this.now + every, LOAD_UPDATE, this.loadUpdateGeneration);
  }

  private loadUpdate(generation: number): void {
    if (generation !== this.loadUpdateGeneration) return;
    for (const b of this.balancers) b.stale?.sync();
    this.agenda.push(this.now + this.resilience.balancers.loadUpdateMs, LOAD_UPDATE, generation);
  }

  // ---- The event loop. ----

  private processNext(): void {
    const time = this.agenda.peekTime();
    const kind = this.agenda.peekKind();
    const data = this.agenda.peekData();
    this.agenda.pop();
    this.advanceClock(time);
    this.eventsProcessed++;
    if (kind === COMPLETE) this.complete(data);
    else if (kind === ARRIVAL) this.sourceArrival(data);
    else if (kind === SCHEDULED) this.applyScheduled(data);
    else this.resilienceEvent(kind, data);
  }

  private resilienceEvent(kind: number, data: number): void {
    switch (kind) {
      case TIMEOUT:
        this.timeout(data);
        break;
      case RETRY:
        this.retry(data);
        break;
      case CHECK:
        this.runHealthChecks(data);
        break;
      case CHECK_TIMED_OUT:
        if (this.resilience.healthCheck.mode === 'active') this.applyCheck(data, false);
        break;
      case UNEJECT:
        this.unEject(data);
        break;
      case BREAKER_HALF_OPEN:
        this.breakerHalfOpen(data);
        break;
      case SLOW_START_STEP:
        if (this.rampNext[data] === this.now) this.slowStartStep(data, true);
        break;
      case SPIKE_END:
        this.spikeEnd(data);
        break;
      case LOAD_UPDATE:
        this.loadUpdate(data);
        break;
    }
  }

  /** Moves the clock forward, closing every sample interval passed on the way. */
  private advanceClock(time: number): void {
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
      this.nextSampleAt += interval;
    }
    this.now = time;
  }

  /** Whether any traffic source may still send. */
  private trafficPending(): boolean {
    for (const s of this.sources) if (s.active) return true;
    return false;
  }

  /**
   * With no duration, a run ends when its traffic and scheduled events are over, every request has
   * ended and every server has finished even the work nobody waits for any more; what is left on
   * the agenda then (health checks, load updates, which recur forever) changes no outcome.
   */
  private settledForGood(): boolean {
    return (
      this.durationMs === null &&
      this.callsInFlight === 0 &&
      this.requests.size === 0 &&
      !this.trafficPending() &&
      !this.scheduledPending()
    );
  }

  private scheduledPending(): boolean {
    const events = this.scenario.events;
    return events.length > 0 && events[events.length - 1]!.at > this.now;
  }

  private addSource(source: ArrivalSource): number {
    const index = this.sources.length;
    this.sources.push(source);
    const first = source.first(this.now);
    if (first < Infinity) this.agenda.push(first, ARRIVAL, index);
    else source.active = false;
    return index;
  }

  private sourceArrival(index: number): void {
    const source = this.sources[index]!;
    if (!source.active) return;
    if (source.spec.kind === 'burst') {
      source.active = false;
      this.fireBurst(source.spec.burst);
      return;
    }
    this.arrive();
    const next = source.nextAfter(this.now);
    if (next < Infinity) this.agenda.push(next, ARRIVAL, index);
    else source.active = false;
  }

  /** One request reaches the balancer now. */
  private arrive(): void {
    const id = this.nextRequestId++;
    // Draw key and service time for every request, placed or not, so streams stay aligned.
    const key = this.keySampler.sample();
    const serviceMs = this.serviceSampler();
    this.metrics.onArrival();
    this.callsInFlight++;
    this.dispatch(id, this.now, key, serviceMs, 0, -1);
  }

  /** Sends one attempt of request `id` through its balancer, avoiding `avoid` if it can. */
  private dispatch(
    id: number,
    arrival: number,
    key: number,
    serviceMs: number,
    attempt: number,
    avoid: number,
  ): void {
    const pool = this.pool;
    const balancers = this.balancers;
    const b = balancers.length === 1 ? 0 : id % balancers.length;
    const balancer = balancers[b]!;
    const view = balancer.view;
    if (view.healthyCount === 0) {
      this.refuse(id, arrival, key, serviceMs, attempt, ROUTE_NO_HEALTHY, -1);
      return;
    }
    const ctx = this.pickContext;
    ctx.key = key;
    ctx.now = this.now;
    const traced = this.now >= this.nextTraceAt;
    if (traced) {
      resetPickTrace(this.trace);
      ctx.trace = this.trace;
      this.nextTraceAt = this.now + this.sampleIntervalMs;
    }
    let slot = balancer.strategy.pick(view, ctx, this.strategyRng);
    // A retry goes to another server where it can (Envoy's previous-hosts predicate: 3 tries).
    for (let i = 0; avoid >= 0 && slot === avoid && i < 3 && view.healthyCount > 1; i++) {
      // The trace explains the pick that counts: the last one.
      if (ctx.trace !== null) resetPickTrace(ctx.trace);
      slot = balancer.strategy.pick(view, ctx, this.strategyRng);
    }
    ctx.trace = null;
    const placed = slot >= 0 && pool.healthy[slot] === 1;
    if (traced) this.recordPick(id, attempt, b, slot, placed, balancer.stale !== null);
    if (!placed) {
      this.refuse(id, arrival, key, serviceMs, attempt, ROUTE_OVERLOADED, slot);
      return;
    }
    const req = this.requests;
    const r = req.allocate(id, arrival, key, serviceMs, slot);
    req.attempt[r] = attempt;
    req.lb[r] = b;
    req.sent[r] = this.now;
    this.metrics.routes.record(this.now, id, slot);
    if (this.breakerOn && this.breakers.state[slot] === HALF_OPEN) {
      req.probe[r] = 1;
      this.breakers.onSend(slot);
      this.updateBreakerBlock(slot);
    }
    const timeoutMs = this.timeoutMs;
    if (timeoutMs !== null) {
      req.refs[r]!++;
      this.agenda.push(this.now + timeoutMs, TIMEOUT, r);
    }
    if (pool.up[slot] === 0) {
      // Nothing listens there: the connection is refused at once.
      this.attemptFailed(r, 'connection refused (the server is down)');
      req.releaseIfDone(r);
      return;
    }
    if (pool.partitioned[slot] === 1) {
      // Unreachable: the connection hangs, holding one of the server's places, until it times out.
      pool.accrue(slot, this.now);
      pool.active[slot]!++;
      req.phase[r] = HANGING;
      req.refs[r]!++;
      this.agenda.push(this.now + this.resilience.connectTimeoutMs, COMPLETE, r);
    } else if (pool.active[slot]! < pool.limit[slot]!) this.startService(r, slot);
    else {
      pool.queued[slot]!++;
      pool.queues[slot]!.push(r);
      req.phase[r] = QUEUED;
      if (this.logRequests) {
        const name = pool.names[slot]!;
        this.log('INFO', name, `Request ${id} queued at ${name} (${pool.queued[slot]} waiting)`);
      }
    }
    pool.refresh(slot);
    balancer.strategy.onDispatch?.(slot, this.now);
    if (this.multiBalancer) balancer.stale?.adjust(slot, 1);
  }

  private recordPick(
    id: number,
    attempt: number,
    balancer: number,
    slot: number,
    placed: boolean,
    stale: boolean,
  ): void {
    const pool = this.pool;
    let outcome = 'sent';
    if (slot < 0) outcome = 'the strategy had no server to offer: rejected';
    else if (!placed)
      outcome = stale
        ? 'the server was full although this balancer’s stale load said otherwise: rejected'
        : 'the server was full: rejected';
    else if (pool.up[slot] === 0)
      outcome = 'sent, but the server is down: the connection is refused';
    else if (pool.partitioned[slot] === 1)
      outcome = 'sent, but the server is unreachable: it hangs';
    this.metrics.picks.record(
      this.now,
      id,
      attempt,
      balancer,
      this.strategyName,
      slot,
      this.trace,
      outcome,
    );
  }

  /** The balancer could not place an attempt: retry it, or the request is rejected. */
  private refuse(
    id: number,
    arrival: number,
    key: number,
    serviceMs: number,
    attempt: number,
    route: number,
    slot: number,
  ): void {
    this.metrics.routes.record(this.now, id, route);
    if (slot >= 0) this.pool.rejected[slot]!++;
    const noHealthy = route === ROUTE_NO_HEALTHY;
    if (this.logRequests) {
      if (noHealthy)
        this.log('ERROR', 'LoadBalancer', `Request ${id} failed: No healthy servers available!`);
      else {
        const name = slot >= 0 ? this.pool.names[slot]! : 'LoadBalancer';
        this.log('ERROR', name, `Request ${id} failed: ${name} is overloaded!`);
      }
    }
    if (attempt > 0) this.retriesInFlight--;
    if (this.retryLater(id, arrival, key, serviceMs, attempt, slot)) return;
    this.metrics.onReject(noHealthy);
    this.callsInFlight--;
  }

  private startService(r: number, slot: number): void {
    const pool = this.pool;
    const req = this.requests;
    pool.accrue(slot, this.now);
    const active = ++pool.active[slot]!;
    if (active > pool.peakActive[slot]!) pool.peakActive[slot] = active;
    req.phase[r] = IN_SERVICE;
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
        pool.cacheLookups[slot]!++;
        if (hit) pool.cacheHits[slot]!++;
        if (hit) duration = this.cache.spec.hitMs;
        else req.miss[r] = 1;
      }
    }
    req.refs[r]!++;
    this.agenda.push(this.now + (duration * pool.spike[slot]!) / pool.speed[slot]!, COMPLETE, r);
    if (this.logRequests) {
      const name = pool.names[slot]!;
      this.log(
        'INFO',
        name,
        `Server ${name} handling request ${req.id[r]}. Load: ${active}/${pool.capacity[slot]}`,
      );
    }
  }

  private complete(r: number): void {
    const pool = this.pool;
    const req = this.requests;
    req.refs[r]!--;
    const phase = req.phase[r];
    const slot = req.slot[r]!;
    if (phase === IN_SERVICE) {
      pool.accrue(slot, this.now);
      const active = --pool.active[slot]!;
      req.phase[r] = NOWHERE;
      const failed = req.fail[r] === 1;
      // A miss stores its result once it has been computed, as lru_cache does.
      if (!failed && req.miss[r] === 1) this.cache.forSlot(slot)?.insert(req.key[r]!);
      this.leftServer(r, slot);
      if (req.waiting[r] === 0) {
        this.metrics.lateResponses++;
        this.metrics.wastedMs += this.now - req.begun[r]!;
      } else if (failed) this.attemptFailed(r, 'the server answered with an error');
      else if (pool.partitioned[slot] === 1) this.attemptFailed(r, 'the answer was lost');
      else this.served(r, slot, active);
      this.startWaiting(slot);
    } else if (phase === HANGING) {
      pool.accrue(slot, this.now);
      pool.active[slot]!--;
      req.phase[r] = NOWHERE;
      this.leftServer(r, slot);
      if (req.waiting[r] === 1) this.attemptFailed(r, 'the connection timed out');
      this.startWaiting(slot);
    }
    req.releaseIfDone(r);
  }

  private served(r: number, slot: number, active: number): void {
    const pool = this.pool;
    const req = this.requests;
    pool.served[slot]!++;
    req.waiting[r] = 0;
    const latency = this.now - req.arrival[r]!;
    this.metrics.onServed(latency);
    this.callsInFlight--;
    if (req.attempt[r] !== 0) this.retriesInFlight--;
    // The balancer that sent it hears the latency (after a rewiring, its successor or the first).
    const strategy = this.multiBalancer
      ? (this.balancers[req.lb[r]!] ?? this.balancers[0]!).strategy
      : this.strategy0;
    strategy.onComplete?.(slot, latency, this.now);
    if (this.outlierOn) this.outliers.onSuccess(slot);
    if (this.breakerOn) this.breakerSuccess(slot, req.probe[r] === 1);
    if (this.logRequests) {
      const name = pool.names[slot]!;
      this.log(
        'INFO',
        name,
        `Server ${name} completed request ${req.id[r]}. Load: ${active}/${pool.capacity[slot]}`,
      );
    }
  }

  /** Bookkeeping when an attempt stops holding a place at its server. */
  private leftServer(r: number, slot: number): void {
    if (!this.multiBalancer) return;
    this.balancers[this.requests.lb[r]!]?.stale?.adjust(slot, -1);
  }

  /** The attempt failed while the client waited: tell the defences, then retry or give up. */
  private attemptFailed(r: number, reason: string): void {
    const req = this.requests;
    const slot = this.stopWaiting(r);
    if (this.logRequests) {
      const name = this.pool.names[slot]!;
      this.log('ERROR', name, `Request ${req.id[r]} failed at ${name}: ${reason}`);
    }
    this.retryOrEnd(r, false);
  }

  private timeout(r: number): void {
    const req = this.requests;
    req.refs[r]!--;
    if (req.waiting[r] === 1) {
      const slot = this.stopWaiting(r);
      if (this.logRequests) {
        const ms = this.resilience.timeoutMs ?? 0;
        this.log('WARNING', 'Client', `Request ${req.id[r]} timed out after ${ms} ms`);
      }
      if (req.phase[r] === HANGING) {
        // The client gives up on the connection it was still trying to open.
        const pool = this.pool;
        pool.accrue(slot, this.now);
        pool.active[slot]!--;
        req.phase[r] = NOWHERE;
        this.leftServer(r, slot);
        this.startWaiting(slot);
      }
      this.retryOrEnd(r, true);
    }
    req.releaseIfDone(r);
  }

  /** The client no longer waits for attempt `r`: a failure, as the defences count them. */
  private stopWaiting(r: number): number {
    const req = this.requests;
    const slot = req.slot[r]!;
    req.waiting[r] = 0;
    this.pool.failed[slot]!++;
    this.passiveFailure(slot, req.probe[r] === 1);
    return slot;
  }

  /** After a failed or timed-out attempt: send another, or the request ends with that outcome. */
  private retryOrEnd(r: number, timedOut: boolean): void {
    const req = this.requests;
    const attempt = req.attempt[r]!;
    if (attempt > 0) this.retriesInFlight--;
    const { id, arrival, key, serviceMs, slot } = req;
    if (this.retryLater(id[r]!, arrival[r]!, key[r]!, serviceMs[r]!, attempt, slot[r]!)) return;
    if (timedOut) this.metrics.onTimedOut();
    else this.metrics.onFailed();
    this.callsInFlight--;
  }

  /** Schedules another attempt if the retry policy allows one; returns whether it did. */
  private retryLater(
    id: number,
    arrival: number,
    key: number,
    serviceMs: number,
    attempt: number,
    slot: number,
  ): boolean {
    const spec = this.resilience.retry;
    if (spec.mode === 'off') return false;
    if (!retryAllowed(spec, attempt, this.retriesInFlight, this.callsInFlight)) {
      if (attempt < spec.maxRetries) {
        this.metrics.retriesDenied++;
        if (this.logRequests)
          this.log('WARNING', 'LoadBalancer', `Retry of request ${id} refused: budget spent`);
      }
      return false;
    }
    this.metrics.onRetry();
    this.retriesInFlight++;
    const req = this.requests;
    const r = req.allocate(id, arrival, key, serviceMs, slot);
    req.attempt[r] = attempt + 1;
    req.phase[r] = BACKOFF;
    req.refs[r] = 1;
    const delay = retryBackoff(spec, attempt + 1, this.faultsRng.next());
    this.agenda.push(this.now + delay, RETRY, r);
    if (this.logRequests) {
      const wait = Math.round(delay);
      this.log(
        'INFO',
        'LoadBalancer',
        `Retrying request ${id} (attempt ${attempt + 2}) in ${wait} ms`,
      );
    }
    return true;
  }

  private retry(r: number): void {
    const req = this.requests;
    const id = req.id[r]!;
    const arrival = req.arrival[r]!;
    const key = req.key[r]!;
    const serviceMs = req.serviceMs[r]!;
    const attempt = req.attempt[r]!;
    const avoid = req.slot[r]!;
    req.release(r);
    this.dispatch(id, arrival, key, serviceMs, attempt, avoid);
  }

  /** Moves queued requests into free service slots of a server. */
  private startWaiting(slot: number): void {
    const pool = this.pool;
    while (pool.queued[slot]! > 0 && pool.active[slot]! < pool.limit[slot]!) {
      pool.queued[slot]!--;
      this.startService(pool.queues[slot]!.shift(), slot);
    }
    if (pool.draining[slot] === 1) this.finishDrain(slot);
    pool.refresh(slot);
  }

  /** A draining server holding nothing any more goes down. */
  private finishDrain(slot: number): void {
    const pool = this.pool;
    if (pool.active[slot]! + pool.queued[slot]! > 0) return;
    pool.draining[slot] = 0;
    pool.up[slot] = 0;
    this.log('WARNING', pool.names[slot]!, `Server ${pool.names[slot]} is down`);
    this.setBelief(slot, false, 'it was drained');
  }

  // ---- Health: checks, beliefs, ejections, breakers, panic, slow start. ----

  private startHealthChecks(): void {
    this.checkGeneration++;
    const spec = this.resilience.healthCheck;
    if (spec.mode === 'active')
      this.agenda.push(this.now + spec.intervalMs, CHECK, this.checkGeneration);
  }

  private runHealthChecks(generation: number): void {
    if (generation !== this.checkGeneration) return;
    const pool = this.pool;
    const spec = this.resilience.healthCheck;
    for (const slot of pool.members) {
      // An unreachable server does not answer: the check fails when its timeout runs out.
      if (pool.partitioned[slot] === 1)
        this.agenda.push(this.now + spec.timeoutMs, CHECK_TIMED_OUT, slot);
      else this.applyCheck(slot, pool.up[slot] === 1);
    }
    this.agenda.push(this.now + spec.intervalMs, CHECK, generation);
  }

  private applyCheck(slot: number, ok: boolean): void {
    const pool = this.pool;
    if (!pool.member[slot]) return;
    const spec = this.resilience.healthCheck;
    const verdict = this.healthChecks.record(slot, ok, pool.lbUp[slot] === 1, spec.rise, spec.fall);
    if (verdict === -1) this.setBelief(slot, false, `${spec.fall} health checks failed in a row`);
    else if (verdict === 1)
      this.setBelief(slot, true, `${spec.rise} health checks passed in a row`);
  }

  /** Changes what the balancer believes of a server. */
  private setBelief(slot: number, up: boolean, why: string): void {
    const pool = this.pool;
    if ((pool.lbUp[slot] === 1) === up) return;
    pool.lbUp[slot] = up ? 1 : 0;
    const name = pool.names[slot]!;
    if (up) this.log('INFO', 'LoadBalancer', `Balancer marks ${name} UP: ${why}`);
    else this.log('WARNING', 'LoadBalancer', `Balancer marks ${name} DOWN: ${why}`);
    if (up) this.beginSlowStart(slot);
    this.updatePanic();
    pool.refresh(slot);
  }

  private passiveFailure(slot: number, probe: boolean): void {
    const pool = this.pool;
    const spec = this.resilience;
    if (spec.outlier.enabled && pool.member[slot]) {
      const members = pool.members.length;
      if (this.outliers.onFailure(slot, spec.outlier, members, pool.ejected[slot] === 1))
        this.eject(slot);
    }
    if (spec.breaker.enabled) {
      if (this.breakers.onFailure(slot, probe, spec.breaker) === OPEN) {
        const until = this.now + spec.breaker.openMs;
        this.breakerUntil[slot] = until;
        this.agenda.push(until, BREAKER_HALF_OPEN, slot);
        const name = pool.names[slot]!;
        this.log(
          'WARNING',
          'LoadBalancer',
          `Circuit to ${name} opened for ${spec.breaker.openMs} ms`,
        );
      }
      this.updateBreakerBlock(slot);
    }
  }

  private breakerSuccess(slot: number, probe: boolean): void {
    if (this.breakers.onSuccess(slot, probe) === CLOSED) {
      const name = this.pool.names[slot]!;
      this.log('INFO', 'LoadBalancer', `Circuit to ${name} closed: a probe succeeded`);
    }
    this.updateBreakerBlock(slot);
  }

  private breakerHalfOpen(slot: number): void {
    if (!this.resilience.breaker.enabled || this.now < (this.breakerUntil[slot] ?? Infinity))
      return;
    this.breakers.halfOpen(slot);
    const name = this.pool.names[slot]!;
    this.log('INFO', 'LoadBalancer', `Circuit to ${name} half-open: letting a probe through`);
    this.updateBreakerBlock(slot);
  }

  private updateBreakerBlock(slot: number): void {
    const pool = this.pool;
    const blocked = this.breakers.allows(slot, this.resilience.breaker) ? 0 : 1;
    if (pool.breakerBlocked[slot] === blocked) return;
    pool.breakerBlocked[slot] = blocked;
    pool.refresh(slot);
  }

  private eject(slot: number): void {
    const pool = this.pool;
    const spec = this.resilience.outlier;
    const ms = this.outliers.eject(slot, spec);
    pool.ejected[slot] = 1;
    this.ejectedUntil[slot] = this.now + ms;
    this.agenda.push(this.now + ms, UNEJECT, slot);
    const times = this.outliers.ejections(slot);
    const name = pool.names[slot]!;
    this.log(
      'WARNING',
      'LoadBalancer',
      `Outlier ${name} ejected for ${ms} ms after ${spec.consecutiveFailures} consecutive failures (ejection ${times})`,
    );
    this.updatePanic();
    pool.refresh(slot);
  }

  private unEject(slot: number): void {
    const pool = this.pool;
    if (pool.ejected[slot] === 0 || this.now < (this.ejectedUntil[slot] ?? Infinity)) return;
    pool.ejected[slot] = 0;
    this.outliers.restore(slot);
    this.log('INFO', 'LoadBalancer', `Outlier ${pool.names[slot]} returns to the pool`);
    this.updatePanic();
    pool.refresh(slot);
  }

  /** Enters or leaves panic mode as the share of servers believed healthy crosses the threshold. */
  private updatePanic(): void {
    const pool = this.pool;
    const threshold = this.resilience.panicThresholdPercent;
    let panic = false;
    if (threshold > 0 && pool.members.length > 0) {
      let healthy = 0;
      for (const slot of pool.members)
        if (pool.lbUp[slot] === 1 && pool.ejected[slot] === 0) healthy++;
      panic = (healthy * 100) / pool.members.length < threshold;
    }
    if (panic === pool.panic) return;
    pool.panic = panic;
    if (panic)
      this.log(
        'WARNING',
        'LoadBalancer',
        `Panic: under ${threshold}% of servers look healthy, routing to all`,
      );
    else this.log('INFO', 'LoadBalancer', 'Panic over: routing to healthy servers only');
    pool.refreshAll();
  }

  private beginSlowStart(slot: number): void {
    const windowMs = this.resilience.slowStartMs;
    if (windowMs <= 0) return;
    this.rampStart[slot] = this.now;
    this.slowStartStep(slot, false);
  }

  /** Sets a slowly starting server's limit for now; `scheduled` when this is a ramp step. */
  private slowStartStep(slot: number, scheduled: boolean): void {
    const pool = this.pool;
    const windowMs = this.resilience.slowStartMs;
    const elapsed = this.now - (this.rampStart[slot] ?? this.now);
    pool.limit[slot] = slowStartLimit(pool.capacity[slot]!, elapsed, windowMs);
    if (windowMs > 0 && elapsed < windowMs) {
      if (scheduled || this.rampNext[slot] === undefined || this.rampNext[slot]! <= this.now) {
        const next = this.now + windowMs / SLOW_START_STEPS;
        this.rampNext[slot] = next;
        this.agenda.push(next, SLOW_START_STEP, slot);
      }
    } else {
      pool.limit[slot] = pool.capacity[slot]!;
      delete this.rampNext[slot];
    }
    this.startWaiting(slot);
  }

  private spikeEnd(slot: number): void {
    const pool = this.pool;
    if (this.now < (this.spikeUntil[slot] ?? Infinity) || pool.spike[slot] === 1) return;
    pool.spike[slot] = 1;
    this.log('INFO', pool.names[slot]!, `Latency spike on ${pool.names[slot]} is over`);
  }

  private applyScheduled(index: number): void {
    const e = this.scenario.events[index]!;
    if (e.action === 'add') {
      this.addServer(e.spec);
      return;
    }
    if (e.action === 'strategy') {
      this.setStrategy(e.strategy);
      return;
    }
    const slot = this.pool.slotOf(e.server);
    if (slot < 0) {
      this.log('WARNING', SYSTEM, `Scheduled ${e.action} skipped: no server named ${e.server}`);
      return;
    }
    switch (e.action) {
      case 'kill':
      case 'drain':
        this.killServer(slot);
        break;
      case 'crash':
        this.crashServer(slot);
        break;
      case 'revive':
        this.reviveServer(slot);
        break;
      case 'remove':
        this.removeServer(slot);
        break;
      case 'spike':
        this.spikeServer(slot, e.factor, e.durationMs);
        break;
      case 'update':
        this.updateServer(slot, e.set);
        break;
    }
  }

  private log(
    level: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR',
    source: string,
    message: string,
  ): void {
    this.metrics.log.append(this.now, level, source, message);
  }
}

/** A server as the balancer sees it, and the truth where that differs. */
export interface ServerState {
  readonly up: boolean;
  readonly believedUp: boolean;
  readonly draining: boolean;
  readonly partitioned: boolean;
  readonly ejected: boolean;
  readonly ejectedUntil: number | null;
  readonly ejections: number;
  readonly breaker: 'closed' | 'open' | 'half-open';
  /** Share of its capacity a slowly starting server may use now; null when not starting. */
  readonly slowStart: number | null;
  readonly spike: number;
  readonly errorRate: number;
  readonly failed: number;
}
