import { HANGING, IN_SERVICE, NOWHERE } from '../requestTable.ts';
import type { ServerChanges, ServerSpec } from '../scenario/types.ts';
import { countFleet } from './fleetMeasure.ts';
import type { SimCore } from './simCore.ts';

const SYSTEM = 'LoadBalancerSystem';

/**
 * What an operator (or a scenario's schedule) does to servers, each at the current simulated
 * time: register, remove, drain, crash, revive, update, spike. Each keeps the request lifecycle
 * whole: a crash fails what the server held, a drain finishes it first.
 */
export class ServerOperations {
  /** Servers retired by the autoscaler: once drained they leave the registry. */
  private readonly leaving = new Set<number>();

  constructor(private readonly core: SimCore) {}

  /**
   * Tells the parts that follow the fleet's size (the autoscaler's books, the bill) that it
   * changed, counted once for both. The autoscaler calls it too when it orders or cancels servers
   * still starting, which count in the fleet without being in the pool.
   */
  fleetChanged(): void {
    const core = this.core;
    const counts = countFleet(core.pool, core.autoscaler.starting.length);
    core.autoscaler.fleetChanged(counts);
    core.objectives.fleetChanged(counts);
  }

  /** Registers a server; returns its slot. */
  add(spec: ServerSpec): number {
    const slot = this.register(spec);
    this.fleetChanged();
    return slot;
  }

  /**
   * Registers the scenario's servers at the start. The fleet's followers hear of it once, at the
   * end: recounting the fleet after each server made building a pool of 10,000 quadratic (~85 ms
   * for the bill), and the counts between, all at time 0, change nothing (the bill runs for no
   * time, and the autoscaler's series keeps one row per instant, the last).
   */
  addInitial(specs: readonly ServerSpec[]): void {
    this.core.pool.reserve(specs.length);
    this.core.metrics.reserveServers(specs.length);
    for (const spec of specs) this.register(spec);
    this.fleetChanged();
  }

  private register(spec: ServerSpec): number {
    const core = this.core;
    const slot = core.pool.add(spec);
    core.metrics.addServerSeries(slot);
    core.log('INFO', SYSTEM, `Server ${spec.name} registered with capacity ${spec.capacity}`);
    core.defences.updatePanic();
    return slot;
  }

  /** Takes a server out of the registry; what it holds still finishes. */
  remove(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    if (!pool.member[slot]) return;
    pool.remove(slot);
    if (pool.ejected[slot] === 1) {
      pool.setEjected(slot, false);
      core.defences.outliers.restore(slot);
    }
    core.log('WARNING', SYSTEM, `Server ${pool.names[slot]} removed from the registry`);
    core.defences.updatePanic();
    this.leaving.delete(slot);
    this.fleetChanged();
  }

  /**
   * Retires a server (the autoscaler scaling in): it drains, taking nothing new and finishing
   * what it holds, then leaves the registry. A server already down leaves at once.
   */
  retire(slot: number): void {
    const pool = this.core.pool;
    if (!pool.member[slot]) return;
    if (!pool.up[slot]) {
      this.remove(slot);
      return;
    }
    this.leaving.add(slot);
    this.drain(slot);
  }

  /** Drains a server: it takes nothing new, finishes what it holds, then is down. */
  drain(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    if (!pool.member[slot] || !pool.up[slot] || pool.draining[slot]) return;
    pool.markDraining(slot, true);
    core.log('WARNING', pool.names[slot]!, `Server ${pool.names[slot]} is draining`);
    this.fleetChanged();
    this.finishDrain(slot);
  }

  /** A draining server holding nothing any more goes down. */
  finishDrain(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    if (pool.active[slot]! + pool.queued[slot]! > 0) return;
    pool.markDraining(slot, false);
    pool.setRunning(slot, false);
    core.log('WARNING', pool.names[slot]!, `Server ${pool.names[slot]} is down`);
    core.defences.setBelief(slot, false, 'it was drained');
    // A retired server has finished its work: it leaves (remove tells the fleet).
    if (this.leaving.has(slot)) this.remove(slot);
    else this.fleetChanged();
  }

  /** Crashes a server: it goes down at once and every request it holds fails. */
  crash(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    if (!pool.member[slot] || !pool.up[slot]) return;
    pool.setRunning(slot, false);
    pool.markDraining(slot, false);
    const name = pool.names[slot]!;
    core.log('ERROR', name, `Server ${name} crashed`);
    const req = core.requests;
    const retries = core.retries;
    const balancers = core.balancers;
    for (let r = pool.dropQueued(slot); r >= 0; r = pool.dropQueued(slot)) {
      req.phase[r] = NOWHERE;
      balancers.leftServer(r, slot);
      if (req.waiting[r] === 1) retries.attemptFailed(r, 'the server crashed');
      req.releaseIfDone(r);
    }
    for (let r = 0; r < req.highWater; r++) {
      const phase = req.phase[r];
      if (req.slot[r] !== slot || (phase !== IN_SERVICE && phase !== HANGING)) continue;
      pool.endService(slot);
      req.phase[r] = NOWHERE;
      balancers.leftServer(r, slot);
      if (req.waiting[r] === 1) retries.attemptFailed(r, 'the server crashed');
      // Its completion event still names the row; the row is freed when it fires.
    }
    if (core.resilience.healthCheck.mode === 'instant')
      core.defences.setBelief(slot, false, 'it crashed');
    if (this.leaving.has(slot)) this.remove(slot);
    else this.fleetChanged();
  }

  /**
   * Brings a server back up, or stops a drain. A server the autoscaler retired keeps leaving, as a
   * terminating Kubernetes pod does: taking it back would put the fleet above its maxServers.
   */
  revive(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    if (!pool.member[slot]) return;
    const name = pool.names[slot]!;
    if (this.leaving.has(slot)) {
      core.log('WARNING', name, `Server ${name} is leaving (scaled in): revive skipped`);
      return;
    }
    if (pool.draining[slot]) {
      pool.markDraining(slot, false);
      core.log('INFO', name, `Server ${name} stopped draining`);
      this.fleetChanged();
      return;
    }
    if (pool.up[slot]) return;
    pool.setRunning(slot, true);
    core.log('INFO', name, `Server ${name} is up again`);
    this.fleetChanged();
    const mode = core.resilience.healthCheck.mode;
    // Active checks find out by themselves; otherwise the operator's "up" reaches the balancer.
    if (mode === 'instant') core.defences.setBelief(slot, pool.partitioned[slot] === 0, 'it is up');
    else if (mode === 'none' && pool.lbUp[slot] === 0)
      core.defences.setBelief(slot, true, 'it is up');
  }

  /** Changes a server's settings; a partition or a new capacity takes effect at once. */
  update(slot: number, changes: ServerChanges): void {
    const core = this.core;
    const pool = core.pool;
    if (!pool.member[slot]) return;
    const before = pool.names[slot]!;
    pool.update(slot, changes);
    const defences = core.defences;
    if (changes.capacity !== undefined && defences.rampNext[slot] !== undefined)
      defences.slowStartStep(slot, false);
    if (changes.partitioned !== undefined && core.resilience.healthCheck.mode === 'instant') {
      const reachable = pool.up[slot] === 1 && pool.partitioned[slot] === 0;
      defences.setBelief(slot, reachable, reachable ? 'the partition healed' : 'it is partitioned');
    }
    core.startWaiting(slot);
    const what = Object.entries(changes)
      .map(([k, v]) => `${k}=${v === null ? 'unbounded' : String(v)}`)
      .join(', ');
    core.log('INFO', pool.names[slot]!, `Server ${before} updated: ${what}`);
  }

  /** Event: a scenario's scheduled event is due. */
  applyScheduled(index: number): void {
    const core = this.core;
    const e = core.scenario.events[index]!;
    if (e.action === 'add') {
      this.add(e.spec);
      return;
    }
    if (e.action === 'strategy') {
      core.balancers.setStrategy(e.strategy);
      return;
    }
    const slot = core.pool.slotOf(e.server);
    if (slot < 0) {
      core.log('WARNING', SYSTEM, `Scheduled ${e.action} skipped: no server named ${e.server}`);
      return;
    }
    switch (e.action) {
      case 'kill':
      case 'drain':
        this.drain(slot);
        break;
      case 'crash':
        this.crash(slot);
        break;
      case 'revive':
        this.revive(slot);
        break;
      case 'remove':
        this.remove(slot);
        break;
      case 'spike':
        core.defences.spike(slot, e.factor, e.durationMs);
        break;
      case 'update':
        this.update(slot, e.set);
        break;
    }
  }
}
