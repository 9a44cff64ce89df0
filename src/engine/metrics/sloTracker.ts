/**
 * A latency SLO as the Google SRE workbook frames one: a threshold and the share of requests
 * that must meet it ("99% under 300 ms"). Every request that ends counts once: served within the
 * threshold is good; slower, rejected, failed or timed out is a miss. Attainment is good / ended;
 * the error budget is the share of requests allowed to miss, (1 - objective) x ended, and
 * `budgetLeft` is the part of it not yet spent (negative once overspent).
 *
 * Requests are also counted per window (one minute by default) in a ring of fixed size, so the
 * page can draw attainment and budget over time, and the windows below the objective ("broken")
 * are kept, the most recent ones, in a bounded list.
 */
export interface SloSpec {
  readonly thresholdMs: number;
  /** The share of requests that must meet the threshold, in (0, 1). */
  readonly objective: number;
}

export interface BrokenWindow {
  /** Start of the window, ms. */
  readonly from: number;
  readonly requests: number;
  readonly attainment: number;
}

export interface SloReport {
  readonly thresholdMs: number;
  readonly objective: number;
  /** Null before any request ended. */
  readonly attainment: number | null;
  readonly budgetLeft: number | null;
  /** Windows whose attainment fell below the objective. */
  readonly windowsBroken: number;
}

export class SloTracker {
  good = 0;
  ended = 0;
  windowsBroken = 0;
  /** Good and ended requests per window, for the last `capacity` windows. */
  readonly windowGood: Float64Array;
  readonly windowEnded: Float64Array;
  /** Index (from the run's start) of the window being filled. */
  private current: number;
  /** The first window counted. */
  private readonly first: number;
  private readonly broken: BrokenWindow[] = [];

  constructor(
    readonly spec: SloSpec,
    readonly windowMs = 60_000,
    readonly capacity = 20_160,
    private readonly keepBroken = 1000,
    /** When counting starts (an objective set mid-run starts with that moment's window). */
    startMs = 0,
  ) {
    this.windowGood = new Float64Array(capacity);
    this.windowEnded = new Float64Array(capacity);
    this.current = Math.floor(startMs / windowMs);
    this.first = this.current;
  }

  /** A request ended at `now`: served in `latencyMs`, or (null) rejected, failed or timed out. */
  onEnd(now: number, latencyMs: number | null): void {
    this.moveTo(now);
    const good = latencyMs !== null && latencyMs <= this.spec.thresholdMs;
    const slot = this.current % this.capacity;
    this.windowEnded[slot]!++;
    this.ended++;
    if (good) {
      this.windowGood[slot]!++;
      this.good++;
    }
  }

  /** Closes every window that ended by `now`. */
  moveTo(now: number): void {
    const index = Math.floor(now / this.windowMs);
    while (this.current < index) {
      this.close(this.current);
      this.current++;
      const slot = this.current % this.capacity;
      this.windowGood[slot] = 0;
      this.windowEnded[slot] = 0;
    }
  }

  /** The window index being filled (windows before it are closed). */
  get currentWindow(): number {
    return this.current;
  }

  /** Oldest window index still held in the ring. */
  get oldestWindow(): number {
    return Math.max(this.first, this.current - this.capacity + 1);
  }

  /** The window being filled, if it is below the objective so far. */
  private openBroken(): BrokenWindow | null {
    const slot = this.current % this.capacity;
    const ended = this.windowEnded[slot]!;
    if (ended === 0) return null;
    const attainment = this.windowGood[slot]! / ended;
    if (attainment >= this.spec.objective) return null;
    return { from: this.current * this.windowMs, requests: ended, attainment };
  }

  /** The most recent broken windows, oldest first (the window being filled counts if it broke). */
  brokenWindows(): BrokenWindow[] {
    const open = this.openBroken();
    return (open === null ? this.broken : [...this.broken, open]).slice(-this.keepBroken);
  }

  report(): SloReport {
    return {
      thresholdMs: this.spec.thresholdMs,
      objective: this.spec.objective,
      attainment: this.ended > 0 ? this.good / this.ended : null,
      budgetLeft: this.ended > 0 ? budgetLeft(this.good, this.ended, this.spec.objective) : null,
      windowsBroken: this.windowsBroken + (this.openBroken() === null ? 0 : 1),
    };
  }

  private close(index: number): void {
    const slot = index % this.capacity;
    const ended = this.windowEnded[slot]!;
    if (ended === 0) return;
    const attainment = this.windowGood[slot]! / ended;
    if (attainment >= this.spec.objective) return;
    this.windowsBroken++;
    this.broken.push({ from: index * this.windowMs, requests: ended, attainment });
    if (this.broken.length > this.keepBroken) this.broken.shift();
  }
}

/** The share of the error budget not spent: 1 - misses / ((1 - objective) x ended). */
export function budgetLeft(good: number, ended: number, objective: number): number {
  return 1 - (ended - good) / ((1 - objective) * ended);
}
