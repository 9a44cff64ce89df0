import { CircuitBreakers, CLOSED, HALF_OPEN, OPEN } from '../resilience/circuitBreakers.ts';
import { HealthChecks } from '../resilience/healthChecks.ts';
import { OutlierDetector } from '../resilience/outlierDetector.ts';
import { SLOW_START_STEPS, slowStartLimit } from '../resilience/slowStart.ts';
import type { ResilienceSpec } from '../scenario/types.ts';
import {
  BREAKER_HALF_OPEN,
  CHECK,
  CHECK_TIMED_OUT,
  SLOW_START_STEP,
  SPIKE_END,
  UNEJECT,
} from './eventKinds.ts';
import type { SimCore } from './simCore.ts';

/**
 * What the balancer believes of each server, and the defences that change it, with their timers:
 * active health checks (HAProxy rise/fall), beliefs and panic mode (Envoy's panic threshold),
 * outlier ejection (Envoy consecutive failures), circuit breakers (Hystrix), slow start (HAProxy
 * `slowstart`) and latency spikes. The rules themselves live in resilience/; this part applies
 * their verdicts to the pool and schedules their timers.
 */
export class Defences {
  readonly outliers = new OutlierDetector();
  readonly breakers = new CircuitBreakers();
  readonly healthChecks = new HealthChecks();
  /** Switches read on every request, kept as plain fields (settings change rarely). */
  outlierOn = false;
  breakerOn = false;
  // Per slot: when an ejection, an open circuit and a spike end, and when a ramp began and steps.
  readonly ejectedUntil: number[] = [];
  readonly rampNext: number[] = [];
  private readonly breakerUntil: number[] = [];
  private readonly spikeUntil: number[] = [];
  private readonly rampStart: number[] = [];
  /** A change of check settings orphans the pending rounds of the old schedule. */
  private checkGeneration = 0;

  constructor(private readonly core: SimCore) {
    this.readSwitches();
  }

  /** Applies changed settings: what was switched off lets go of the servers it held. */
  reconfigure(before: ResilienceSpec, spec: ResilienceSpec): void {
    this.readSwitches();
    const pool = this.core.pool;
    if (before.outlier.enabled && !spec.outlier.enabled) {
      for (const slot of pool.members) {
        if (pool.ejected[slot] === 0) continue;
        pool.setEjected(slot, false);
        this.outliers.restore(slot);
      }
    }
    if (before.breaker.enabled && !spec.breaker.enabled) {
      this.breakers.clear();
      pool.clearBreakerBlocks();
    }
    const mode = spec.healthCheck.mode;
    if (mode !== before.healthCheck.mode && mode === 'instant') {
      for (const slot of pool.members)
        pool.setBelievedUp(slot, pool.up[slot] === 1 && pool.partitioned[slot] === 0);
    }
    if (
      mode !== before.healthCheck.mode ||
      spec.healthCheck.intervalMs !== before.healthCheck.intervalMs
    ) {
      for (const slot of pool.members) this.healthChecks.reset(slot);
      this.startHealthChecks();
    }
  }

  // ---- Health checks and beliefs. ----

  /** Starts a new schedule of check rounds (when checks are active). */
  startHealthChecks(): void {
    const core = this.core;
    this.checkGeneration++;
    const spec = core.resilience.healthCheck;
    if (spec.mode === 'active')
      core.schedule(core.now + spec.intervalMs, CHECK, this.checkGeneration);
  }

  /** Event: one round of checks, every member at once. */
  runHealthChecks(generation: number): void {
    if (generation !== this.checkGeneration) return;
    const core = this.core;
    const pool = core.pool;
    const spec = core.resilience.healthCheck;
    for (const slot of pool.members) {
      // An unreachable server does not answer: the check fails when its timeout runs out.
      if (pool.partitioned[slot] === 1)
        core.schedule(core.now + spec.timeoutMs, CHECK_TIMED_OUT, slot);
      else this.applyCheck(slot, pool.up[slot] === 1);
    }
    core.schedule(core.now + spec.intervalMs, CHECK, generation);
  }

  /** Event: the check of an unreachable server ran out of time. */
  checkTimedOut(slot: number): void {
    if (this.core.resilience.healthCheck.mode === 'active') this.applyCheck(slot, false);
  }

  /** Changes what the balancer believes of a server, and says why. */
  setBelief(slot: number, up: boolean, why: string): void {
    const core = this.core;
    const pool = core.pool;
    if ((pool.lbUp[slot] === 1) === up) return;
    pool.setBelievedUp(slot, up);
    const name = pool.names[slot]!;
    if (up) core.log('INFO', 'LoadBalancer', `Balancer marks ${name} UP: ${why}`);
    else core.log('WARNING', 'LoadBalancer', `Balancer marks ${name} DOWN: ${why}`);
    if (up) this.beginSlowStart(slot);
    this.updatePanic();
  }

  /** Enters or leaves panic mode as the share of servers believed healthy crosses the threshold. */
  updatePanic(): void {
    const core = this.core;
    const pool = core.pool;
    const threshold = core.resilience.panicThresholdPercent;
    let panic = false;
    if (threshold > 0 && pool.members.length > 0) {
      let healthy = 0;
      for (const slot of pool.members)
        if (pool.lbUp[slot] === 1 && pool.ejected[slot] === 0) healthy++;
      panic = (healthy * 100) / pool.members.length < threshold;
    }
    if (panic === pool.panic) return;
    pool.setPanic(panic);
    if (panic)
      core.log(
        'WARNING',
        'LoadBalancer',
        `Panic: under ${threshold}% of servers look healthy, routing to all`,
      );
    else core.log('INFO', 'LoadBalancer', 'Panic over: routing to healthy servers only');
  }

  // ---- Passive defences: what requests' outcomes tell the balancer. ----

  /** Attempt `r` goes to `slot`: through a half-open circuit, it is a probe. */
  onSend(r: number, slot: number): void {
    if (this.breakers.state[slot] !== HALF_OPEN) return;
    this.core.requests.probe[r] = 1;
    this.breakers.onSend(slot);
    this.updateBreakerBlock(slot);
  }

  /** A request succeeded on `slot` (`probe`: sent through a half-open circuit). */
  onSuccess(slot: number, probe: boolean): void {
    if (this.outlierOn) this.outliers.onSuccess(slot);
    if (!this.breakerOn) return;
    if (this.breakers.onSuccess(slot, probe) === CLOSED) {
      const name = this.core.pool.names[slot]!;
      this.core.log('INFO', 'LoadBalancer', `Circuit to ${name} closed: a probe succeeded`);
    }
    this.updateBreakerBlock(slot);
  }

  /** A request failed or timed out on `slot`. */
  onFailure(slot: number, probe: boolean): void {
    const core = this.core;
    const pool = core.pool;
    const spec = core.resilience;
    if (spec.outlier.enabled && pool.member[slot]) {
      const members = pool.members.length;
      if (this.outliers.onFailure(slot, spec.outlier, members, pool.ejected[slot] === 1))
        this.eject(slot);
    }
    if (spec.breaker.enabled) {
      if (this.breakers.onFailure(slot, probe, spec.breaker) === OPEN) {
        const until = core.now + spec.breaker.openMs;
        this.breakerUntil[slot] = until;
        core.schedule(until, BREAKER_HALF_OPEN, slot);
        const name = pool.names[slot]!;
        core.log(
          'WARNING',
          'LoadBalancer',
          `Circuit to ${name} opened for ${spec.breaker.openMs} ms`,
        );
      }
      this.updateBreakerBlock(slot);
    }
  }

  /** Event: an open circuit's time is up; probes may go through. */
  breakerHalfOpen(slot: number): void {
    const core = this.core;
    if (!core.resilience.breaker.enabled || core.now < (this.breakerUntil[slot] ?? Infinity))
      return;
    this.breakers.halfOpen(slot);
    const name = core.pool.names[slot]!;
    core.log('INFO', 'LoadBalancer', `Circuit to ${name} half-open: letting a probe through`);
    this.updateBreakerBlock(slot);
  }

  /** Event: an ejected server's time is up; it returns to the pool. */
  unEject(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    if (pool.ejected[slot] === 0 || core.now < (this.ejectedUntil[slot] ?? Infinity)) return;
    pool.setEjected(slot, false);
    this.outliers.restore(slot);
    core.log('INFO', 'LoadBalancer', `Outlier ${pool.names[slot]} returns to the pool`);
    this.updatePanic();
  }

  // ---- Slow start and latency spikes. ----

  /** Sets a slowly starting server's limit for now; `scheduled` when this is a ramp step. */
  slowStartStep(slot: number, scheduled: boolean): void {
    const core = this.core;
    const pool = core.pool;
    const windowMs = core.resilience.slowStartMs;
    const elapsed = core.now - (this.rampStart[slot] ?? core.now);
    let limit = slowStartLimit(pool.capacity[slot]!, elapsed, windowMs);
    if (windowMs > 0 && elapsed < windowMs) {
      const rampNext = this.rampNext[slot];
      if (scheduled || rampNext === undefined || rampNext <= core.now) {
        const next = core.now + windowMs / SLOW_START_STEPS;
        this.rampNext[slot] = next;
        core.schedule(next, SLOW_START_STEP, slot);
      }
    } else {
      limit = pool.capacity[slot]!;
      delete this.rampNext[slot];
    }
    pool.setLimit(slot, limit);
    core.startWaiting(slot);
  }

  /** Event: a ramp step is due (unless a later change rescheduled the ramp). */
  slowStartTick(slot: number): void {
    if (this.rampNext[slot] === this.core.now) this.slowStartStep(slot, true);
  }

  /** Multiplies a server's service times by `factor` for `durationMs` (a latency spike). */
  spike(slot: number, factor: number, durationMs: number): void {
    const core = this.core;
    const pool = core.pool;
    pool.setSpike(slot, factor);
    this.spikeUntil[slot] = core.now + durationMs;
    core.schedule(core.now + durationMs, SPIKE_END, slot);
    const name = pool.names[slot]!;
    core.log('WARNING', name, `Latency spike on ${name}: ×${factor} for ${durationMs} ms`);
  }

  /** Event: a spike is over (unless a later one extended it). */
  spikeEnd(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    if (core.now < (this.spikeUntil[slot] ?? Infinity) || pool.spike[slot] === 1) return;
    pool.setSpike(slot, 1);
    core.log('INFO', pool.names[slot]!, `Latency spike on ${pool.names[slot]} is over`);
  }

  private readSwitches(): void {
    const spec = this.core.resilience;
    this.outlierOn = spec.outlier.enabled;
    this.breakerOn = spec.breaker.enabled;
  }

  private applyCheck(slot: number, ok: boolean): void {
    const core = this.core;
    const pool = core.pool;
    if (!pool.member[slot]) return;
    const spec = core.resilience.healthCheck;
    const verdict = this.healthChecks.record(slot, ok, pool.lbUp[slot] === 1, spec.rise, spec.fall);
    if (verdict === -1) this.setBelief(slot, false, `${spec.fall} health checks failed in a row`);
    else if (verdict === 1)
      this.setBelief(slot, true, `${spec.rise} health checks passed in a row`);
  }

  private updateBreakerBlock(slot: number): void {
    const spec = this.core.resilience.breaker;
    this.core.pool.setBreakerBlocked(slot, !this.breakers.allows(slot, spec));
  }

  private eject(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    const spec = core.resilience.outlier;
    const ms = this.outliers.eject(slot, spec);
    pool.setEjected(slot, true);
    this.ejectedUntil[slot] = core.now + ms;
    core.schedule(core.now + ms, UNEJECT, slot);
    const times = this.outliers.ejections(slot);
    const name = pool.names[slot]!;
    core.log(
      'WARNING',
      'LoadBalancer',
      `Outlier ${name} ejected for ${ms} ms after ${spec.consecutiveFailures} consecutive failures (ejection ${times})`,
    );
    this.updatePanic();
  }

  /** Starts a server's slow start, if slow start is on (a server just up or just added). */
  beginSlowStart(slot: number): void {
    if (this.core.resilience.slowStartMs <= 0) return;
    this.rampStart[slot] = this.core.now;
    this.slowStartStep(slot, false);
  }
}
