import { scheduleReason } from '../autoscaling/decisionText.ts';
import { ScheduledScaling } from '../autoscaling/scheduledScaling.ts';
import type { AutoscalingSpec } from '../autoscaling/spec.ts';
import type { ServerSpec } from '../scenario/types.ts';
import { AUTOSCALE_SYNC, SCHEDULED_SCALE, SERVER_READY } from './eventKinds.ts';
import { FleetLedger } from './fleetLedger.ts';
import { countFleet, measureFleet, type FleetCounts } from './fleetMeasure.ts';
import { ScalingPolicy, type ScalingAction, type ScalingDecision } from './scalingPolicy.ts';
import type { SimCore } from './simCore.ts';

export type { ScalingAction, ScalingDecision } from './scalingPolicy.ts';

const SOURCE = 'Autoscaler';
/** Actions kept: the most recent ones. */
export const ACTIONS_KEPT = 1000;

/** A server ordered and still booting. */
export interface StartingServer {
  readonly id: number;
  readonly name: string;
  readonly readyAt: number;
  /** How long it was ordered to boot (the provisioning time then). */
  readonly coldStartMs: number;
}

/**
 * The autoscaler: every `syncPeriodMs` it measures the pool and lets its policy (Kubernetes' HPA,
 * AWS step scaling, or a schedule) set the count. New servers join after `provisioningMs` (a cold
 * start) with empty caches and, with slow start on, a ramping limit; a smaller count cancels
 * servers still starting first, then drains servers out (down ones first, then the newest, as a
 * ReplicaSet picks pods to delete): they take nothing new, finish what they hold, and leave.
 * Off (no event, no draw) when the scenario has no `autoscaling`.
 */
export class Autoscaler {
  spec: AutoscalingSpec | null;
  readonly actions: ScalingAction[] = [];
  lastDecision: ScalingDecision | null = null;
  readonly starting: StartingServer[] = [];
  /** Counts now, the fleet series and the summary's statistics. */
  readonly ledger = new FleetLedger();

  private readonly policy = new ScalingPolicy();
  private schedule: ScheduledScaling | null = null;
  /** Bumped by every reconfiguration: events of an older one are stale and ignored. */
  private generation = 0;
  private template: ServerSpec | null = null;
  private nextIndex = 1;
  private nextStartingId = 1;
  private lastSyncAt = 0;
  private arrivalsAtSync = 0;
  private busyAtSync = new Float64Array(8);
  private joinedAt = new Float64Array(8);

  constructor(private readonly core: SimCore) {
    const spec = core.scenario.autoscaling ?? null;
    this.spec = spec;
    if (spec !== null) this.start(spec, -1);
  }

  /**
   * Switches autoscaling on, off, or to other settings, from now on. The policy's memory (the
   * HPA's recommendations and scale events, a step policy's cooldowns) survives a change of
   * settings but not a change of policy; servers already ordered still join.
   */
  reconfigure(spec: AutoscalingSpec | null): void {
    const before = this.spec;
    this.spec = spec;
    this.generation++;
    this.template = null;
    const core = this.core;
    if (spec === null) {
      this.schedule = null;
      core.log('INFO', SOURCE, 'Autoscaling off: the pool keeps its size');
      return;
    }
    if (before === null || before.policy !== spec.policy) this.policy.reset();
    // Measured from now: a period that began before autoscaling was on says nothing.
    if (before === null) this.snapshot(core.now);
    core.log(
      'INFO',
      SOURCE,
      `Autoscaling ${spec.policy} between ${spec.minServers} and ${spec.maxServers} servers`,
    );
    this.start(spec, core.now);
    this.record();
  }

  /** Schedules the first sync (at `from`, or at once) and a schedule's first action. */
  private start(spec: AutoscalingSpec, from: number): void {
    const core = this.core;
    const now = Math.max(0, from);
    this.schedule =
      spec.policy === 'scheduled'
        ? new ScheduledScaling(spec.schedule, spec.scheduleRepeatMs)
        : null;
    if (this.schedule !== null) {
      // The action in force now applies at once; then each at its time.
      const first = from < 0 ? this.schedule.nextAfter(-1) : now;
      if (first < Infinity) core.schedule(first, SCHEDULED_SCALE, this.generation);
    }
    // A first sync at once puts a pool outside [min, max] back within its bounds.
    core.schedule(now, AUTOSCALE_SYNC, this.generation);
  }

  get active(): boolean {
    return this.spec !== null;
  }

  // ---- Events. ----

  /** Event: measure, decide, act; then the next sync. */
  sync(generation: number): void {
    if (generation !== this.generation) return;
    const spec = this.spec!;
    const core = this.core;
    const now = core.now;
    const since = this.lastSyncAt;
    this.grow(core.pool.size);
    const m = measureFleet(
      core.pool,
      spec.metric,
      now,
      since,
      this.busyAtSync,
      this.joinedAt,
      core.metrics.arrived - this.arrivalsAtSync,
      this.starting.length,
    );
    const current = countFleet(core.pool, this.starting.length).desired;
    if (now > since || current < spec.minServers || current > spec.maxServers) {
      const decision = this.policy.decide(spec, now, current, m);
      const ledger = this.ledger;
      this.lastDecision = decision;
      ledger.metric = m.average ?? NaN;
      ledger.recommended = decision.recommended;
      if (now > since)
        ledger.arrivalsPerSec =
          (core.metrics.arrived - this.arrivalsAtSync) / ((now - since) / 1000);
      if (decision.to !== decision.from) this.apply(decision);
    }
    this.snapshot(now);
    this.record();
    core.schedule(now + spec.syncPeriodMs, AUTOSCALE_SYNC, this.generation);
  }

  /** Event: a server's cold start is over (unless it was cancelled meanwhile). */
  serverReady(id: number): void {
    const i = this.starting.findIndex((s) => s.id === id);
    if (i < 0) return;
    const [server] = this.starting.splice(i, 1);
    this.join(server!.name, server!.coldStartMs);
  }

  /** Event: a scheduled action is due; the next one is put on the agenda. */
  scheduledAction(generation: number): void {
    if (generation !== this.generation) return;
    const core = this.core;
    const spec = this.spec!;
    const action = this.schedule!.actionAt(core.now);
    if (action !== null) {
      const from = countFleet(core.pool, this.starting.length).desired;
      const to = Math.min(spec.maxServers, Math.max(spec.minServers, action.servers));
      const reason = scheduleReason(from, to, action.servers, core.now);
      const decision = {
        at: core.now,
        from,
        to,
        metric: null,
        reason,
        recommended: action.servers,
      };
      this.lastDecision = decision;
      this.ledger.recommended = action.servers;
      if (to !== from) this.apply(decision);
      this.record();
    }
    const next = this.schedule!.nextAfter(core.now);
    if (next < Infinity) core.schedule(next, SCHEDULED_SCALE, this.generation);
  }

  /**
   * Called with the new counts by every operation that changes the fleet (ServerOperations'
   * fleetChanged, which also tells the bill): counts, the mean's integral, a row.
   */
  fleetChanged(counts: FleetCounts): void {
    if (this.spec === null) return;
    this.ledger.record(this.core.now, counts);
  }

  // ---- Deciding. ----

  private apply(decision: ScalingDecision): void {
    const delta = decision.to - decision.from;
    const action: ScalingAction = {
      at: decision.at,
      from: decision.from,
      to: decision.to,
      metric: decision.metric,
      reason: decision.reason,
    };
    this.actions.push(action);
    if (this.actions.length > ACTIONS_KEPT) this.actions.shift();
    this.core.log('INFO', SOURCE, `Scale ${decision.from} -> ${decision.to}: ${decision.reason}`);
    if (delta > 0) this.launch(delta);
    else this.shrink(-delta);
  }

  // ---- Acting on the pool. ----

  private launch(count: number): void {
    const core = this.core;
    const provisioningMs = this.spec!.provisioningMs;
    for (let i = 0; i < count; i++) {
      const name = this.freshName();
      if (provisioningMs <= 0) {
        this.join(name, 0);
        continue;
      }
      const id = this.nextStartingId++;
      this.starting.push({
        id,
        name,
        readyAt: core.now + provisioningMs,
        coldStartMs: provisioningMs,
      });
      core.schedule(core.now + provisioningMs, SERVER_READY, id);
    }
    core.operations.fleetChanged();
  }

  private shrink(count: number): void {
    const core = this.core;
    const pool = core.pool;
    let left = count;
    // Servers still booting cost nothing more once cancelled: newest first.
    while (left > 0 && this.starting.length > 0) {
      const cancelled = this.starting.pop()!;
      core.log('INFO', SOURCE, `Cancelled ${cancelled.name} before it started`);
      left--;
    }
    if (left > 0) {
      // Not-ready (down) servers go first, then the most recently joined (ReplicaSet's ranking).
      const candidates = pool.members
        .filter((slot) => pool.draining[slot] === 0)
        .sort(
          (a, b) => pool.up[a]! - pool.up[b]! || this.joinedAt[b]! - this.joinedAt[a]! || b - a,
        );
      for (const slot of candidates.slice(0, left)) core.operations.retire(slot);
    }
    core.operations.fleetChanged();
  }

  private join(name: string, coldStartMs: number): void {
    const core = this.core;
    const template = this.templateSpec();
    const slot = core.operations.add({ ...template, name, up: true });
    this.grow(slot + 1);
    this.joinedAt[slot] = core.now;
    this.busyAtSync[slot] = 0;
    if (coldStartMs > 0)
      core.log(
        'INFO',
        SOURCE,
        `${name} joined the pool after a ${coldStartMs / 1000} s cold start`,
      );
    core.defences.beginSlowStart(slot);
  }

  /** `<template name>-1`, `-2`, ...: the next such name no server or starting server has. */
  private freshName(): string {
    const base = this.templateSpec().name;
    const pool = this.core.pool;
    for (;;) {
      const name = `${base}-${this.nextIndex++}`;
      if (pool.slotOf(name) < 0 && !this.starting.some((s) => s.name === name)) return name;
    }
  }

  private templateSpec(): ServerSpec {
    this.template ??= this.spec?.template ?? this.core.scenario.servers[0]!;
    return this.template;
  }

  // ---- Bookkeeping. ----

  /** Busy integrals and arrivals at this sync, the baselines of the next period. */
  private snapshot(now: number): void {
    const pool = this.core.pool;
    for (const slot of pool.members) this.busyAtSync[slot] = pool.busyTime(slot);
    this.arrivalsAtSync = this.core.metrics.arrived;
    this.lastSyncAt = now;
  }

  /** Counts the fleet now and adds a row to the books. */
  private record(): void {
    this.ledger.record(this.core.now, countFleet(this.core.pool, this.starting.length));
  }

  private grow(size: number): void {
    if (size <= this.joinedAt.length) return;
    const cap = Math.max(size, this.joinedAt.length * 2);
    const joined = new Float64Array(cap);
    joined.set(this.joinedAt);
    this.joinedAt = joined;
    const busy = new Float64Array(cap);
    busy.set(this.busyAtSync);
    this.busyAtSync = busy;
  }
}
