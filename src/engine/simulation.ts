import { CacheLayer } from './cacheLayer.ts';
import { Agenda } from './agenda.ts';
import { ROUTE_NO_HEALTHY, ROUTE_OVERLOADED } from './metrics/routeTrail.ts';
import { keyCounterFor } from './metrics/keyCounts.ts';
import { RunMetrics } from './metrics/runMetrics.ts';
import { streamRng, type Xoshiro128 } from './random.ts';
import { RequestTable } from './requestTable.ts';
import type {
  CacheSpec,
  KeySpec,
  Scenario,
  ServerChanges,
  ServerSpec,
  ServiceSpec,
} from './scenario/types.ts';
import { ServerPool } from './serverPool.ts';
import { createServiceSampler } from './serviceTime.ts';
import { createStrategy } from './strategies/index.ts';
import type { Strategy, StrategyName, StrategyOptions } from './strategies/strategy.ts';
import { ArrivalSource } from './traffic.ts';
import { ZipfSampler } from './zipf.ts';

/** Kinds of event on the agenda. */
const ARRIVAL = 1;
const COMPLETE = 2;
const SCHEDULED = 3;

/** How a run reports and remembers. */
export interface SimulationOptions {
  /** Log every request's dispatch and completion, as the demo does. Default true. */
  readonly logRequests?: boolean;
  /** Samples kept per time series. Default 600 (a minute at the default 100 ms interval). */
  readonly historyLength?: number;
  /** Log entries kept. Default 10,000. */
  readonly logCapacity?: number;
}

const SYSTEM = 'LoadBalancerSystem';

/**
 * A discrete-event simulation of one load balancer in front of a pool of servers. Time is
 * simulated milliseconds and only moves by taking events off the agenda; nothing sleeps. Each
 * request draws its key and service time from their own seeded streams at arrival, so the same
 * scenario and seed replay exactly and two strategies can be compared on identical work.
 */
export class Simulation {
  /** Simulated time in ms. */
  now = 0;
  readonly pool = new ServerPool();
  readonly metrics: RunMetrics;
  readonly cache: CacheLayer;
  strategy: Strategy;
  strategyName: StrategyName;
  strategyOptions: Required<StrategyOptions>;
  service: ServiceSpec;
  keys: KeySpec;
  readonly sampleIntervalMs: number;
  readonly durationMs: number | null;
  logRequests: boolean;

  private readonly agenda = new Agenda(ARRIVAL);
  private readonly requests = new RequestTable();
  private readonly sources: ArrivalSource[] = [];
  private readonly arrivalsRng: Xoshiro128;
  private readonly keysRng: Xoshiro128;
  private readonly serviceRng: Xoshiro128;
  private readonly strategyRng: Xoshiro128;
  private keySampler: ZipfSampler;
  private serviceSampler: () => number;
  private nextRequestId = 1;
  private nextSampleAt: number;
  /** The live steady-rate source, if the user set one. */
  private steadySource = -1;
  private readonly pickContext = { key: 0, now: 0 };

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    const seed = scenario.seed;
    this.arrivalsRng = streamRng(seed, 'arrivals');
    this.keysRng = streamRng(seed, 'keys');
    this.serviceRng = streamRng(seed, 'service');
    this.strategyRng = streamRng(seed, 'strategy');
    this.logRequests = options.logRequests ?? true;
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
    this.strategy = this.useStrategy(createStrategy(scenario.strategy, scenario.strategyOptions));
    this.service = scenario.service;
    this.serviceSampler = createServiceSampler(scenario.service, this.serviceRng);
    this.keys = scenario.keys;
    this.keySampler = new ZipfSampler(scenario.keys.count, scenario.keys.zipf, this.keysRng);
    this.cache = new CacheLayer(scenario.cache);
    for (const spec of scenario.servers) this.addServer(spec);
    for (const spec of scenario.traffic) this.addSource(new ArrivalSource(spec, this.arrivalsRng));
    scenario.events.forEach((e, i) => this.agenda.push(e.at, SCHEDULED, i));
  }

  /** Requests accepted by a server and not yet finished. */
  get inFlight(): number {
    return this.requests.size;
  }

  /** True when nothing is left to happen: no pending event and no duration still to run. */
  get finished(): boolean {
    if (this.durationMs !== null) return this.now >= this.durationMs;
    return this.agenda.size === 0;
  }

  /** Time of the next event, or Infinity. */
  get nextEventTime(): number {
    return this.agenda.peekTime();
  }

  /** Runs to the end: the duration, or until traffic ends and every request finished. */
  runToEnd(): void {
    const end = this.durationMs ?? Infinity;
    while (this.agenda.size > 0 && this.agenda.peekTime() <= end) this.processNext();
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
    if (this.agenda.size === 0) return false;
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
    return slot;
  }

  /** Takes a server out of the registry; what it holds still finishes. */
  removeServer(slot: number): void {
    if (!this.pool.member[slot]) return;
    this.pool.remove(slot);
    this.log('WARNING', SYSTEM, `Server ${this.pool.names[slot]} removed from the registry`);
  }

  /** Marks a server down: it takes no new requests; those it holds still finish. */
  killServer(slot: number): void {
    if (!this.pool.member[slot] || !this.pool.up[slot]) return;
    this.pool.setUp(slot, false);
    this.log('WARNING', this.pool.names[slot]!, `Server ${this.pool.names[slot]} is down`);
  }

  reviveServer(slot: number): void {
    if (!this.pool.member[slot] || this.pool.up[slot]) return;
    this.pool.setUp(slot, true);
    this.log('INFO', this.pool.names[slot]!, `Server ${this.pool.names[slot]} is up again`);
  }

  updateServer(slot: number, changes: ServerChanges): void {
    if (!this.pool.member[slot]) return;
    const before = this.pool.names[slot]!;
    this.pool.update(slot, changes, this.now);
    this.startWaiting(slot);
    const what = Object.entries(changes)
      .map(([k, v]) => `${k}=${v === null ? 'unbounded' : String(v)}`)
      .join(', ');
    this.log('INFO', this.pool.names[slot]!, `Server ${before} updated: ${what}`);
  }

  setStrategy(name: StrategyName, options: StrategyOptions = {}): void {
    this.strategyOptions = { ...this.strategyOptions, ...options };
    this.strategy = this.useStrategy(createStrategy(name, this.strategyOptions));
    this.strategyName = name;
    this.log('INFO', 'LoadBalancer', `Strategy switched to ${name}`);
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

  /** Wires a strategy to hear of server changes, if it keeps an index of the pool. */
  private useStrategy(strategy: Strategy): Strategy {
    this.pool.listener = strategy.onServerChange
      ? (strategy as Required<Pick<Strategy, 'onServerChange'>>)
      : null;
    return strategy;
  }

  // ---- The event loop. ----

  private processNext(): void {
    const time = this.agenda.peekTime();
    const kind = this.agenda.peekKind();
    const data = this.agenda.peekData();
    this.agenda.pop();
    this.advanceClock(time);
    if (kind === COMPLETE) this.complete(data);
    else if (kind === ARRIVAL) this.sourceArrival(data);
    else this.applyScheduled(data);
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
        this.requests.size,
      );
      this.nextSampleAt += interval;
    }
    this.now = time;
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
    const pool = this.pool;
    if (pool.healthyCount === 0) {
      this.reject(id, ROUTE_NO_HEALTHY, -1);
      return;
    }
    const ctx = this.pickContext;
    ctx.key = key;
    ctx.now = this.now;
    const slot = this.strategy.pick(pool, ctx, this.strategyRng);
    if (slot < 0 || pool.healthy[slot] !== 1) {
      this.reject(id, ROUTE_OVERLOADED, slot);
      return;
    }
    const r = this.requests.allocate(id, this.now, key, serviceMs, slot);
    this.metrics.routes.record(this.now, id, slot);
    if (pool.active[slot]! < pool.capacity[slot]!) this.startService(r, slot);
    else {
      pool.queued[slot]!++;
      pool.queues[slot]!.push(r);
      if (this.logRequests) {
        const name = pool.names[slot]!;
        this.log('INFO', name, `Request ${id} queued at ${name} (${pool.queued[slot]} waiting)`);
      }
    }
    pool.refresh(slot);
    this.strategy.onDispatch?.(slot, this.now);
  }

  private reject(id: number, route: number, slot: number): void {
    this.metrics.onReject(route === ROUTE_NO_HEALTHY);
    this.metrics.routes.record(this.now, id, route);
    if (slot >= 0) this.pool.rejected[slot]!++;
    if (!this.logRequests) return;
    if (route === ROUTE_NO_HEALTHY)
      this.log('ERROR', 'LoadBalancer', `Request ${id} failed: No healthy servers available!`);
    else {
      const name = slot >= 0 ? this.pool.names[slot]! : 'LoadBalancer';
      this.log('ERROR', name, `Request ${id} failed: ${name} is overloaded!`);
    }
  }

  private startService(r: number, slot: number): void {
    const pool = this.pool;
    const req = this.requests;
    pool.accrue(slot, this.now);
    const active = ++pool.active[slot]!;
    if (active > pool.peakActive[slot]!) pool.peakActive[slot] = active;
    let duration = req.serviceMs[r]!;
    const cache = this.cache.forSlot(slot);
    if (cache !== null) {
      const key = req.key[r]!;
      const hit = cache.lookup(key);
      this.metrics.onCacheLookup(key, hit);
      if (hit) duration = this.cache.spec.hitMs;
      else req.miss[r] = 1;
    }
    this.agenda.push(this.now + duration / pool.speed[slot]!, COMPLETE, r);
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
    const slot = req.slot[r]!;
    pool.accrue(slot, this.now);
    const active = --pool.active[slot]!;
    pool.served[slot]!++;
    // A miss stores its result once it has been computed, as lru_cache does.
    if (req.miss[r] === 1) this.cache.forSlot(slot)?.insert(req.key[r]!);
    const latency = this.now - req.arrival[r]!;
    this.metrics.onServed(latency);
    this.strategy.onComplete?.(slot, latency, this.now);
    if (this.logRequests) {
      const name = pool.names[slot]!;
      this.log(
        'INFO',
        name,
        `Server ${name} completed request ${req.id[r]}. Load: ${active}/${pool.capacity[slot]}`,
      );
    }
    req.release(r);
    this.startWaiting(slot);
  }

  /** Moves queued requests into free service slots of a server. */
  private startWaiting(slot: number): void {
    const pool = this.pool;
    while (pool.queued[slot]! > 0 && pool.active[slot]! < pool.capacity[slot]!) {
      pool.queued[slot]!--;
      this.startService(pool.queues[slot]!.shift(), slot);
    }
    pool.refresh(slot);
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
    if (e.action === 'kill') this.killServer(slot);
    else if (e.action === 'revive') this.reviveServer(slot);
    else if (e.action === 'remove') this.removeServer(slot);
    else this.updateServer(slot, e.set);
  }

  private log(
    level: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR',
    source: string,
    message: string,
  ): void {
    this.metrics.log.append(this.now, level, source, message);
  }
}
