import { hpaReason, scheduleReason, stepReason } from '../autoscaling/decisionText.ts';
import { FleetSeries } from '../autoscaling/fleetSeries.ts';
import { HorizontalController, type HpaSettings } from '../autoscaling/horizontalController.ts';
import { metricQuantum } from '../autoscaling/replicaCalculator.ts';
import { ScheduledScaling } from '../autoscaling/scheduledScaling.ts';
import type { AutoscalingSpec } from '../autoscaling/spec.ts';
import { StepScaler, type StepSettings } from '../autoscaling/stepScaling.ts';
import type { ServerSpec } from '../scenario/types.ts';
import { AUTOSCALE_SYNC, SCHEDULED_SCALE, SERVER_READY } from './eventKinds.ts';
import { countFleet, measureFleet, type FleetCounts } from './fleetMeasure.ts';
import type { SimCore } from './simCore.ts';

const SOURCE = 'Autoscaler';
/** Actions kept: the most recent ones. */
export const ACTIONS_KEPT = 1000;

/** A change of the pool's size the autoscaler made. */
export interface ScalingAction {
  readonly at: number;
  readonly from: number;
  readonly to: number;
  /** The metric's average over the ready servers when it decided (null: scheduled, or none). */
  readonly metric: number | null;
  readonly reason: string;
}

/** The last sync, changed or not, as the Autoscaling panel shows it. */
export interface ScalingDecision extends ScalingAction {
  /** What the policy asked for before limits, windows and bounds. */
  readonly recommended: number;
}

/** A server ordered and still booting. */
export interface StartingServer {
  readonly id: number;
  readonly name: string;
  readonly readyAt: number;
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
  readonly spec: AutoscalingSpec | null;
  readonly actions: ScalingAction[] = [];
  lastDecision: ScalingDecision | null = null;
  readonly series = new FleetSeries();
  readonly starting: StartingServer[] = [];
  /** The desired count over the run: extremes and the time integral (for the mean). */
  private readonly stats = { min: Infinity, max: -Infinity, integral: 0, since: 0, current: 0 };
  counts: FleetCounts = { inPool: 0, down: 0, draining: 0, starting: 0, desired: 0, running: 0 };

  private readonly hpa = new HorizontalController();
  private readonly stepper = new StepScaler();
  private readonly schedule: ScheduledScaling | null = null;
  private template: ServerSpec | null = null;
  private nextIndex = 1;
  private nextStartingId = 1;
  private lastSyncAt = 0;
  private arrivalsAtSync = 0;
  private busyAtSync = new Float64Array(8);
  private joinedAt = new Float64Array(8);
  private lastMetric = NaN;
  private lastRecommended = NaN;

  constructor(private readonly core: SimCore) {
    const spec = core.scenario.autoscaling ?? null;
    this.spec = spec;
    if (spec === null) return;
    if (spec.policy === 'scheduled') {
      this.schedule = new ScheduledScaling(spec.schedule, spec.scheduleRepeatMs);
      const first = this.schedule.nextAfter(-1);
      if (first < Infinity) core.schedule(first, SCHEDULED_SCALE, 0);
    }
    // A first sync at once puts a pool outside [min, max] back within its bounds.
    core.schedule(0, AUTOSCALE_SYNC, 0);
  }

  get active(): boolean {
    return this.spec !== null;
  }

  // ---- Events. ----

  /** Event: measure, decide, act; then the next sync. */
  sync(): void {
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
      const decision = this.decide(
        now,
        current,
        m.readyCount,
        m.unreadyCount,
        m.metricSum,
        m.average,
      );
      this.lastDecision = decision;
      this.lastMetric = m.average ?? NaN;
      this.lastRecommended = decision.recommended;
      if (decision.to !== decision.from) this.apply(decision);
    }
    this.snapshot(now);
    this.record();
    core.schedule(now + spec.syncPeriodMs, AUTOSCALE_SYNC, 0);
  }

  /** Event: a server's cold start is over (unless it was cancelled meanwhile). */
  serverReady(id: number): void {
    const i = this.starting.findIndex((s) => s.id === id);
    if (i < 0) return;
    const [server] = this.starting.splice(i, 1);
    this.join(server!.name, true);
  }

  /** Event: a scheduled action is due; the next one is put on the agenda. */
  scheduledAction(): void {
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
      this.lastRecommended = action.servers;
      if (to !== from) this.apply(decision);
      this.record();
    }
    const next = this.schedule!.nextAfter(core.now);
    if (next < Infinity) core.schedule(next, SCHEDULED_SCALE, 0);
  }

  /** Called by every operation that changes the fleet: counts, the mean's integral, a row. */
  fleetChanged(): void {
    if (this.spec === null) return;
    this.record();
  }

  // ---- Deciding. ----

  private decide(
    now: number,
    current: number,
    readyCount: number,
    unreadyCount: number,
    metricSum: number,
    average: number | null,
  ): ScalingDecision {
    const spec = this.spec!;
    const base = { at: now, from: current, metric: average };
    if (spec.policy === 'step') {
      const settings: StepSettings = spec;
      const d = this.stepper.evaluate(now, settings, current, average);
      const reason = stepReason(d, spec.metric, average, {
        evaluationPeriods: spec.evaluationPeriods,
        cooldownMs: spec.cooldownMs,
        percent: spec.adjustmentType === 'PercentChangeInCapacity',
      });
      return { ...base, to: d.to, reason, recommended: current + d.adjustment };
    }
    if (spec.policy === 'scheduled') {
      // A schedule acts at its own times; a sync only puts the count back within bounds.
      const to = Math.min(spec.maxServers, Math.max(spec.minServers, current));
      const reason =
        to === current
          ? `the schedule holds ${current}`
          : `${current} is outside minServers and maxServers: ${current} -> ${to}`;
      return { ...base, to, reason, recommended: to };
    }
    const settings: HpaSettings = {
      minServers: spec.minServers,
      maxServers: spec.maxServers,
      target: spec.target,
      tolerance: spec.tolerance,
      quantum: metricQuantum(spec.metric),
      scaleUp: {
        stabilizationMs: spec.scaleUpStabilizationMs,
        selectPolicy: spec.scaleUpSelectPolicy,
        policies: spec.scaleUpPolicies,
      },
      scaleDown: {
        stabilizationMs: spec.scaleDownStabilizationMs,
        selectPolicy: spec.scaleDownSelectPolicy,
        policies: spec.scaleDownPolicies,
      },
    };
    const d = this.hpa.reconcile(now, settings, current, { readyCount, unreadyCount, metricSum });
    const windows = { upMs: spec.scaleUpStabilizationMs, downMs: spec.scaleDownStabilizationMs };
    const reason = hpaReason(d, spec.metric, spec.target, windows, spec.tolerance);
    return { ...base, to: d.to, reason, recommended: d.recommended };
  }

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
        this.join(name, false);
        continue;
      }
      const id = this.nextStartingId++;
      this.starting.push({ id, name, readyAt: core.now + provisioningMs });
      core.schedule(core.now + provisioningMs, SERVER_READY, id);
    }
    this.core.objectives.fleetChanged();
    this.record();
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
    core.objectives.fleetChanged();
    this.record();
  }

  private join(name: string, afterColdStart: boolean): void {
    const core = this.core;
    const template = this.templateSpec();
    const slot = core.operations.add({ ...template, name, up: true });
    this.grow(slot + 1);
    this.joinedAt[slot] = core.now;
    this.busyAtSync[slot] = 0;
    if (afterColdStart) {
      const seconds = this.spec!.provisioningMs / 1000;
      core.log('INFO', SOURCE, `${name} joined the pool after a ${seconds} s cold start`);
    }
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
    this.template ??= this.spec!.template ?? this.core.scenario.servers[0]!;
    return this.template;
  }

  // ---- Bookkeeping. ----

  /** Busy integrals and arrivals at this sync, the baselines of the next period. */
  private snapshot(now: number): void {
    const pool = this.core.pool;
    for (const slot of pool.members) {
      pool.accrue(slot, now);
      this.busyAtSync[slot] = pool.busyIntegral[slot]!;
    }
    this.arrivalsAtSync = this.core.metrics.arrived;
    this.lastSyncAt = now;
  }

  /** Counts the fleet now, advances the desired count's statistics and adds a row. */
  private record(): void {
    const now = this.core.now;
    const counts = countFleet(this.core.pool, this.starting.length);
    this.counts = counts;
    const st = this.stats;
    // A count enters the extremes once it held for a while: a pool below minServers at the
    // start, fixed at the same instant, never was the pool.
    if (now > st.since) {
      st.integral += st.current * (now - st.since);
      st.min = Math.min(st.min, st.current);
      st.max = Math.max(st.max, st.current);
      st.since = now;
    }
    st.current = counts.desired;
    this.series.push({
      time: now,
      inPool: counts.inPool,
      starting: counts.starting,
      draining: counts.draining,
      metric: this.lastMetric,
      recommended: this.lastRecommended,
      desired: counts.desired,
    });
  }

  /** The desired count over [0, now]: least, most, time-weighted mean, and now. */
  serverStats(now: number): { min: number; max: number; mean: number; final: number } {
    const st = this.stats;
    const integral = st.integral + st.current * (now - st.since);
    return {
      min: Math.min(st.min, st.current),
      max: Math.max(st.max, st.current),
      mean: now > 0 ? integral / now : st.current,
      final: st.current,
    };
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
