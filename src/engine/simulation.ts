import { keyCounterFor } from './metrics/keyCounts.ts';
import type { CircuitBreakers } from './resilience/circuitBreakers.ts';
import type { HealthChecks } from './resilience/healthChecks.ts';
import type { OutlierDetector } from './resilience/outlierDetector.ts';
import type { ContentionSpec, SheddingSpec } from './overload/specs.ts';
import type {
  AutoscalingSpec,
  CacheSpec,
  CostSpec,
  KeySpec,
  ResilienceSpec,
  ServerChanges,
  ServerSpec,
  ServiceSpec,
  SloSpec,
} from './scenario/types.ts';
import type { Strategy, StrategyChoice, StrategyOptions } from './strategies/strategy.ts';
import { SimulationCore } from './simulation/core.ts';
import { deadlineOf, overloadOn } from './simulation/overloadParts.ts';
import { serverStateOf, type ServerState } from './simulation/serverState.ts';

export { FAIL_FAST_MS, type SimulationOptions } from './simulation/simCore.ts';
export type { ServerState } from './simulation/serverState.ts';

/**
 * A discrete-event simulation of load balancers in front of a pool of servers. Time is simulated
 * milliseconds and only moves by taking events off the agenda; nothing sleeps. Each request draws
 * its key and service time from their own seeded streams at arrival, so the same scenario and seed
 * replay exactly and two strategies can be compared on identical work.
 *
 * Every request ends exactly once: served, rejected (no healthy server, or the server it was sent
 * to was full), failed, or timed out. With retries on, a failed, timed-out or rejected attempt may
 * be sent again; the request's outcome is its last attempt's.
 *
 * This class is the run's public face: what the page, the CLI and tests read and do. The event
 * loop and a request's life are in simulation/core.ts, the mechanisms in the parts beside it.
 */
export class Simulation extends SimulationCore {
  constructor(...args: ConstructorParameters<typeof SimulationCore>) {
    super(...args);
    this.rethinkKeys();
  }

  /** The strategy every balancer runs. */
  get strategyName(): StrategyChoice {
    return this.balancers.strategyName;
  }

  get strategyOptions(): Required<StrategyOptions> {
    return this.balancers.strategyOptions;
  }

  /** Switches every balancer to another strategy; `options` change only the options given. */
  setStrategy(name: StrategyChoice, options: StrategyOptions = {}): void {
    this.balancers.setStrategy(name, options);
    this.rethinkKeys();
  }

  /** Keys are drawn while the strategy or the cache reads them, owed otherwise (deferredKeys.ts). */
  private rethinkKeys(): void {
    this.traffic.rethinkKeys(this.balancers.strategyName, this.cache.spec.placement);
  }

  /** Frees what the run holds outside the engine: the sandboxes of a custom strategy. */
  dispose(): void {
    this.balancers.dispose();
  }

  /** The first balancer's strategy (every balancer runs the same one). */
  get strategy(): Strategy {
    return this.balancers.first;
  }

  /** Attempts holding a row: in flight, or answered late and still being worked on. */
  get attemptsHeld(): number {
    return this.requests.size;
  }

  /** Attempts some client still waits for (a check: one per request in flight). */
  attemptsAwaited(): number {
    return this.requests.countWaiting();
  }

  get outliers(): OutlierDetector {
    return this.defences.outliers;
  }

  get breakers(): CircuitBreakers {
    return this.defences.breakers;
  }

  get healthChecks(): HealthChecks {
    return this.defences.healthChecks;
  }

  /** Runs to the end: the duration, or until traffic ends and every request finished. */
  runToEnd(): void {
    this.runEvents(Infinity);
    if (this.durationMs !== null) this.advanceClock(this.durationMs);
  }

  /**
   * Processes every event up to and including `time`, then sets the clock to it. With `maxEvents`
   * it stops early after that many events (the clock then stays at the last one), so a caller with
   * a frame budget can come back for the rest. Returns whether `time` was reached.
   */
  runUntil(time: number, maxEvents = Infinity): boolean {
    const end = Math.min(time, this.durationMs ?? Infinity);
    this.runEvents(maxEvents, end, false);
    // Stopped by maxEvents with events still due by `end`: the clock stays at the last one.
    if (this.agenda.size > 0 && this.agenda.peekTime() <= end) return false;
    this.advanceClock(end);
    return true;
  }

  /** Whether the balancers are in panic mode (too few servers look healthy). */
  get panic(): boolean {
    return this.pool.panic;
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

  /** Processes the single next event, if any (within the duration). Returns whether one ran. */
  step(): boolean {
    return this.runEvents(1) === 1;
  }

  /** What a balancer believes of a server, and why it might differ from the truth. */
  serverState(slot: number): ServerState {
    return serverStateOf(this, slot);
  }

  // ---- Live operations: each takes effect at the current simulated time. ----

  /** Registers a server; returns its slot. */
  addServer(spec: ServerSpec): number {
    return this.operations.add(spec);
  }

  /** Takes a server out of the registry; what it holds still finishes. */
  removeServer(slot: number): void {
    this.operations.remove(slot);
  }

  /**
   * Drains a server: the balancer is told to send it nothing new; those it holds still finish,
   * then it is down. (The scenario action `kill` is this, its older name.)
   */
  killServer(slot: number): void {
    this.operations.drain(slot);
  }

  /** Crashes a server: it goes down at once and every request it holds fails. */
  crashServer(slot: number): void {
    this.operations.crash(slot);
  }

  /** Brings a crashed or drained server back up, or stops a drain in progress. */
  reviveServer(slot: number): void {
    this.operations.revive(slot);
  }

  updateServer(slot: number, changes: ServerChanges): void {
    this.operations.update(slot, changes);
  }

  /** Multiplies a server's service times by `factor` for `durationMs` (a latency spike). */
  spikeServer(slot: number, factor: number, durationMs: number): void {
    if (this.pool.member[slot]) this.defences.spike(slot, factor, durationMs);
  }

  /** Switches and tunes the defences; each change applies from now on. */
  setResilience(spec: ResilienceSpec): void {
    const before = this.resilience;
    this.resilience = spec;
    this.defences.reconfigure(before, spec);
    const b0 = before.balancers;
    const b1 = spec.balancers;
    if (b0.count !== b1.count || b0.loadUpdateMs !== b1.loadUpdateMs) {
      this.balancers.wire();
      this.balancers.startLoadUpdates();
    }
    this.defences.updatePanic();
    this.metrics.overload.deadlineMs = deadlineOf(spec);
    this.admission.configure(spec.throttling, spec.limiter, before);
    this.hedging.configure(spec.hedge);
    this.settingsChanged();
    this.log('INFO', 'LoadBalancer', 'Resilience settings changed');
  }

  /**
   * After any setting that adds a step to a request changed (every setter below that can): starts
   * overload control's figures once one of its mechanisms is first on, and recomputes extrasOn.
   */
  private settingsChanged(): void {
    if (!this.overloadSeen && overloadOn(this, this.resilience)) {
      this.overloadSeen = true;
      this.metrics.overload.start(this.metrics.series.time.length);
    }
    this.refreshExtras();
  }

  /** How every server sheds load from its queue, from now on. */
  setShedding(spec: SheddingSpec): void {
    this.queues.configure(spec);
    // A queue rule switched off: whatever waits is served in order again.
    if (!this.queues.on) for (const slot of this.pool.members) this.startWaiting(slot);
    this.settingsChanged();
    this.log('INFO', 'LoadBalancer', 'Load shedding settings changed');
  }

  /** How every server's service time grows with its concurrency, from now on. */
  setContention(spec: ContentionSpec): void {
    this.queues.setContention(spec);
    this.settingsChanged();
    this.log('INFO', 'LoadBalancer', 'Contention settings changed');
  }

  /** A closed-loop population of `clients` thinking `thinkMs` from now on (0 stops it). */
  setPopulation(clients: number, thinkMs: number): void {
    this.clients.setPopulation(clients, thinkMs);
    this.settingsChanged();
  }

  /** The learned concurrency limit of the server in `slot`, or NaN without a limiter. */
  limitOf(slot: number): number {
    return this.admission.limitOf(slot);
  }

  setCache(spec: CacheSpec): void {
    this.cache.reconfigure(spec);
    this.rethinkKeys();
    this.log(
      'INFO',
      'Cache',
      `Cache ${spec.placement}, capacity ${spec.capacity}, hit ${spec.hitMs} ms`,
    );
  }

  /** The service-time distribution requests draw from. */
  get service(): ServiceSpec {
    return this.traffic.service;
  }

  /** The key space requests draw from. */
  get keys(): KeySpec {
    return this.traffic.keys;
  }

  setService(spec: ServiceSpec): void {
    this.traffic.setService(spec);
    this.hedging.setService(spec);
  }

  setKeys(spec: KeySpec): void {
    this.traffic.setKeys(spec);
    this.rethinkKeys();
    // A new key space: counts of the old keys would name keys that no longer exist.
    this.metrics.hotKeys = keyCounterFor(spec.count);
  }

  /** Turns autoscaling on, off, or to other settings, from now on. */
  setAutoscaling(spec: AutoscalingSpec | null): void {
    this.autoscaler.reconfigure(spec);
  }

  /** Prices the run (the prices apply to its whole bill), or stops pricing it. */
  setCost(spec: CostSpec | null): void {
    this.objectives.setCost(spec);
  }

  /** Sets a latency objective counted from now, or none. */
  setSlo(spec: SloSpec | null): void {
    this.objectives.setSlo(spec);
    this.settingsChanged();
  }

  /**
   * Sends `count` requests at the current time, all at once: a live burst is at most 100,000
   * (LIVE_LIMITS), a scenario's up to 1,000,000 each and goes in slices (see BURST_SLICE).
   */
  fireBurst(count: number): void {
    this.traffic.burst(count);
  }

  /** Starts (or changes, or with 0 stops) steady Poisson traffic from now on. */
  setSteadyRate(ratePerSec: number): void {
    this.traffic.setSteadyRate(ratePerSec);
  }
}
