import type { SimSession } from './simSession.ts';

/** Wall time between run-loop ticks at a set speed, and the share of it the simulation may use. */
export const TICK_MS = 8;
export const TICK_BUDGET_MS = 10;
/**
 * At "max", the wall time of one slice of simulation. The loop yields only between slices, so a
 * pause or a snapshot request waits at most this long, while nearly all wall time simulates.
 */
export const MAX_SLICE_MS = 12;
/** Never credit more than a quarter second of wall time after the tab slept. */
const MAX_CREDIT_MS = 250;

/** How the loop reads the wall clock and comes back: after a delay, or as soon as it may. */
export interface LoopHost {
  now(): number;
  later(run: () => void, ms: number): void;
  /** Runs `run` once the messages already waiting have been handled (no timer clamping). */
  soon(run: () => void): void;
}

/**
 * The worker's run loop: wall-clock ticks that advance a session at its speed. At a set speed a
 * tick every TICK_MS is plenty (the simulation needs a fraction of it). At "max" it runs slices
 * of MAX_SLICE_MS back to back, yielding between them just long enough for the page's messages
 * (snapshots, pause) to be handled, instead of sleeping between ticks as at a set speed.
 */
export class RunLoop {
  private lastTick: number;
  private started = false;

  constructor(
    private readonly session: SimSession,
    private readonly host: LoopHost,
  ) {
    this.lastTick = host.now();
  }

  /** Starts ticking (once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.host.later(() => this.tick(), TICK_MS);
  }

  /** Wall time starts counting from now (on play): what passed while paused is not owed. */
  restartClock(): void {
    this.lastTick = this.host.now();
  }

  /** One tick: advance the session by the wall time since the last, then schedule the next. */
  tick(): void {
    const host = this.host;
    const session = this.session;
    const now = host.now();
    const elapsed = Math.min(now - this.lastTick, MAX_CREDIT_MS);
    this.lastTick = now;
    const flat = session.playing && session.speed === 'max';
    try {
      session.advance(elapsed, flat ? MAX_SLICE_MS : TICK_BUDGET_MS, () => host.now());
    } catch (error) {
      // Keep the worker alive and the person's setup intact; the page offers a reset.
      session.halt(error);
    }
    if (session.playing && session.speed === 'max') host.soon(() => this.tick());
    else host.later(() => this.tick(), TICK_MS);
  }
}
