import type { OutlierSpec } from '../scenario/types.ts';

/**
 * Envoy's consecutive-failure outlier detection: a server whose last `consecutiveFailures`
 * requests all failed is ejected for `baseEjectionMs` times the number of times it has been
 * ejected (capped at `maxEjectionMs`), unless `maxEjectionPercent` of the servers are ejected
 * already; like Envoy, one server may always be ejected however small the pool.
 */
export class OutlierDetector {
  private consecutive = new Int32Array(8);
  private times = new Int32Array(8);
  /** Servers ejected right now. */
  ejectedCount = 0;

  /** Counts a failed request; returns whether the server should be ejected now. */
  onFailure(slot: number, spec: OutlierSpec, members: number, alreadyEjected: boolean): boolean {
    this.ensure(slot);
    const n = ++this.consecutive[slot]!;
    if (alreadyEjected || n < spec.consecutiveFailures) return false;
    return this.ejectedCount < maxEjected(spec, members);
  }

  onSuccess(slot: number): void {
    this.ensure(slot);
    this.consecutive[slot] = 0;
  }

  /** Marks the server ejected; returns how long the ejection lasts. */
  eject(slot: number, spec: OutlierSpec): number {
    this.ensure(slot);
    const times = ++this.times[slot]!;
    this.consecutive[slot] = 0;
    this.ejectedCount++;
    return Math.min(spec.baseEjectionMs * times, Math.max(spec.maxEjectionMs, spec.baseEjectionMs));
  }

  /** The ejection ended; its failures start counting afresh. */
  restore(slot: number): void {
    this.ensure(slot);
    this.consecutive[slot] = 0;
    this.ejectedCount = Math.max(0, this.ejectedCount - 1);
  }

  /** Times the server has been ejected in this run. */
  ejections(slot: number): number {
    return slot < this.times.length ? this.times[slot]! : 0;
  }

  /** Consecutive failures counted towards the next ejection. */
  failures(slot: number): number {
    return slot < this.consecutive.length ? this.consecutive[slot]! : 0;
  }

  private ensure(slot: number): void {
    if (slot < this.consecutive.length) return;
    const size = Math.max(slot + 1, this.consecutive.length * 2);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.consecutive = grow(this.consecutive);
    this.times = grow(this.times);
  }
}

/** How many servers may be ejected at once: the share, rounded down, but at least one. */
export function maxEjected(spec: OutlierSpec, members: number): number {
  return Math.max(1, Math.floor((members * spec.maxEjectionPercent) / 100));
}
