/**
 * Active health checking as HAProxy does it: a server the balancer believes up is taken out after
 * `fall` consecutive failed checks, and one it believes down comes back after `rise` consecutive
 * passes. Counters per server slot; the caller runs the checks and applies the verdicts.
 */
export class HealthChecks {
  private passes = new Int32Array(8);
  private fails = new Int32Array(8);

  /**
   * Records one check of `slot`. Returns +1 when the balancer should now consider it up, -1 when
   * down, 0 when its view stays as it is.
   */
  record(slot: number, ok: boolean, believedUp: boolean, rise: number, fall: number): -1 | 0 | 1 {
    this.ensure(slot);
    if (ok) {
      this.fails[slot] = 0;
      const passes = ++this.passes[slot]!;
      return !believedUp && passes >= rise ? 1 : 0;
    }
    this.passes[slot] = 0;
    const fails = ++this.fails[slot]!;
    return believedUp && fails >= fall ? -1 : 0;
  }

  /** Consecutive passes and failures so far, for the server view. */
  streak(slot: number): { passes: number; fails: number } {
    this.ensure(slot);
    return { passes: this.passes[slot]!, fails: this.fails[slot]! };
  }

  /** Forgets a server's streaks (the balancer's view of it was set by other means). */
  reset(slot: number): void {
    this.ensure(slot);
    this.passes[slot] = 0;
    this.fails[slot] = 0;
  }

  private ensure(slot: number): void {
    if (slot < this.passes.length) return;
    const size = Math.max(slot + 1, this.passes.length * 2);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.passes = grow(this.passes);
    this.fails = grow(this.fails);
  }
}
