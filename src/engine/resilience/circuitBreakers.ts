import type { BreakerSpec } from '../scenario/types.ts';

export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;

/**
 * A circuit breaker per server, as in Hystrix and resilience4j: closed, it counts consecutive
 * failures and opens at `failureThreshold`; open, the server gets nothing for `openMs`; then
 * half-open, it lets `halfOpenProbes` trial requests through at a time: one success closes it,
 * one failure opens it again.
 */
export class CircuitBreakers {
  state = new Uint8Array(8);
  /** Trial requests in flight while half-open. */
  probes = new Int32Array(8);
  private failures = new Int32Array(8);

  /** Whether the breaker lets one more request through to `slot`. */
  allows(slot: number, spec: BreakerSpec): boolean {
    const s = slot < this.state.length ? this.state[slot]! : CLOSED;
    if (s === CLOSED) return true;
    return s === HALF_OPEN && this.probes[slot]! < spec.halfOpenProbes;
  }

  /** A request was sent to `slot`; counted as a probe while half-open. */
  onSend(slot: number): void {
    this.ensure(slot);
    if (this.state[slot] === HALF_OPEN) this.probes[slot]!++;
  }

  /** Returns the state the breaker moved to, or -1 if it stayed. */
  onSuccess(slot: number, probe: boolean): number {
    this.ensure(slot);
    this.failures[slot] = 0;
    if (probe) this.probes[slot] = Math.max(0, this.probes[slot]! - 1);
    if (this.state[slot] !== HALF_OPEN) return -1;
    this.state[slot] = CLOSED;
    this.probes[slot] = 0;
    return CLOSED;
  }

  /** Returns OPEN when this failure opened (or re-opened) the circuit, else -1. */
  onFailure(slot: number, probe: boolean, spec: BreakerSpec): number {
    this.ensure(slot);
    if (probe) this.probes[slot] = Math.max(0, this.probes[slot]! - 1);
    const s = this.state[slot]!;
    if (s === OPEN) return -1;
    const n = ++this.failures[slot]!;
    if (s === HALF_OPEN || n >= spec.failureThreshold) {
      this.state[slot] = OPEN;
      this.failures[slot] = 0;
      return OPEN;
    }
    return -1;
  }

  /** The open period is over: probes may go through. */
  halfOpen(slot: number): void {
    this.ensure(slot);
    if (this.state[slot] !== OPEN) return;
    this.state[slot] = HALF_OPEN;
    this.probes[slot] = 0;
  }

  /** Closes every breaker (the feature was switched off). */
  clear(): void {
    this.state.fill(CLOSED);
    this.probes.fill(0);
    this.failures.fill(0);
  }

  private ensure(slot: number): void {
    if (slot < this.state.length) return;
    const size = Math.max(slot + 1, this.state.length * 2);
    const s = new Uint8Array(size);
    s.set(this.state);
    this.state = s;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.probes = grow(this.probes);
    this.failures = grow(this.failures);
  }
}
