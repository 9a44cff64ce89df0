/**
 * Notices a worker that stopped answering: one that closed itself, or hangs in an endless loop.
 * Neither fires an error event, so without this every later call would queue behind one that
 * never settles. A ping goes out every `everyMs`; one left unanswered for `stallMs` means the
 * worker is gone or stuck. A heartbeat, not a deadline per call, so that a legitimately long call
 * (a comparison runs in slices and keeps answering pings) is never mistaken for a stuck worker.
 * No worker globals: the clock and the timer are passed in, so tests drive it.
 */

export interface WatchdogOptions {
  /** Wall time between pings, ms. */
  readonly everyMs: number;
  /** A ping unanswered this long means the worker is gone or stuck, ms. */
  readonly stallMs: number;
  /** Wall-clock ms. */
  readonly now: () => number;
  /** Calls `tick` every `ms`; returns what stops it. */
  readonly every: (tick: () => void, ms: number) => () => void;
}

/** In the page: one ping a second, and five seconds of silence is a stuck worker. */
export const PAGE_WATCHDOG = { everyMs: 1_000, stallMs: 5_000 } as const;

export class Watchdog {
  private stopTimer: (() => void) | null = null;
  private sentAt: number | null = null;
  private lastTick = 0;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly onStall: (silentMs: number) => void,
    private readonly options: WatchdogOptions,
  ) {}

  start(): void {
    this.stop();
    this.sentAt = null;
    this.lastTick = this.options.now();
    this.stopTimer = this.options.every(() => this.tick(), this.options.everyMs);
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = null;
  }

  private tick(): void {
    const { now, everyMs, stallMs } = this.options;
    const t = now();
    // The page itself was busy or asleep (a long task, a background tab): the answer may be
    // waiting behind this very tick, so the worker gets a fresh window instead of the blame.
    if (this.sentAt !== null && t - this.lastTick > 2 * everyMs) this.sentAt = t;
    this.lastTick = t;
    if (this.sentAt !== null) {
      const silent = t - this.sentAt;
      if (silent >= stallMs) {
        this.stop();
        this.onStall(silent);
      }
      return;
    }
    const sent = (this.sentAt = t);
    this.ping().then(
      () => {
        if (this.sentAt === sent) this.sentAt = null;
      },
      () => undefined, // a worker that died says so through its error event
    );
  }
}
