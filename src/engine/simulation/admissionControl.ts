import { AdaptiveThrottle } from '../overload/adaptiveThrottle.ts';
import { ServerLimiters } from '../overload/serverLimiters.ts';
import type { LimiterSpec, ThrottlingSpec } from '../overload/specs.ts';
import type { Rng } from '../random.ts';
import type { SimCore } from './simCore.ts';

/**
 * Admission control in front of the servers: the client's adaptive throttling (Google SRE book,
 * "Handling Overload"), which rejects attempts locally before they are sent (`throttled`), and the
 * balancer's learning concurrency limit per server (Netflix concurrency-limits), which rejects an
 * attempt to a server that holds its limit (`limited`). The core calls `admit` before a pick and
 * `acquire` after it only while the switch is on.
 *
 * A place under the limit is held from the send until the client has the attempt's answer (or
 * gives up on it), as the library's client-side listeners do: a success is a sample, a failure, a
 * shed or a timeout a drop; a cancelled hedge gives its place back without a sample.
 */
export class AdmissionControl {
  throttleOn = false;
  limiterOn = false;
  /** Either was ever on: attempts' ends must be reported (places held, accepts counted). */
  engaged = false;
  /** Each server's limit for the limit series while a limiter runs; null otherwise. */
  limitReader: ((slot: number) => number) | null = null;
  private throttle: AdaptiveThrottle | null = null;
  private limiters: ServerLimiters | null = null;
  /** Per request row: attempts in flight at its server when sent (0 = holds no place). */
  private held = new Int32Array(64);

  constructor(
    private readonly core: SimCore,
    private readonly throttleRng: Rng,
    private readonly limiterRng: Rng,
  ) {}

  /** New throttling and limiter settings, from now on (a changed rule starts learning afresh). */
  configure(
    throttling: ThrottlingSpec,
    limiter: LimiterSpec,
    before?: {
      throttling: ThrottlingSpec;
      limiter: LimiterSpec;
    },
  ): void {
    this.throttleOn = throttling.enabled;
    if (throttling.enabled || limiter.algorithm !== 'off') this.engaged = true;
    if (!throttling.enabled) this.throttle = null;
    else if (
      this.throttle === null ||
      before === undefined ||
      before.throttling.k !== throttling.k ||
      before.throttling.windowMs !== throttling.windowMs
    )
      this.throttle = new AdaptiveThrottle(throttling.k, throttling.windowMs);
    this.limiterOn = limiter.algorithm !== 'off';
    this.limitReader = null;
    // Switched off, places already held are still given back as their attempts end (release).
    if (!this.limiterOn) return;
    if (this.limiters === null) this.limiters = new ServerLimiters(limiter, this.limiterRng);
    else if (before === undefined || JSON.stringify(before.limiter) !== JSON.stringify(limiter))
      this.limiters.reconfigure(limiter);
    const limiters = this.limiters;
    this.limitReader = (slot) => limiters.limitOf(slot);
  }

  /**
   * The client's throttle: counts the attempt and decides whether it is sent (false: rejected
   * locally). Draws one number from the throttle's own stream.
   */
  admit(): boolean {
    const core = this.core;
    const throttle = this.throttle!;
    const u = this.throttleRng.next();
    const sent = throttle.admit(core.now, u);
    return sent;
  }

  /** The probability the throttle rejects an attempt now (for logs and the page). */
  rejectProbability(): number {
    return this.throttle?.rejectProbability(this.core.now) ?? 0;
  }

  /** Attempt `r` was served: its place goes back as a success, and the throttle counts an accept. */
  answered(r: number): void {
    this.release(r, false);
    this.throttle?.onAccept(this.core.now);
  }

  /**
   * Takes a place under `slot`'s learned limit: the attempts in flight there with this one, or 0
   * when the server holds its limit (the attempt is `limited`).
   */
  acquire(slot: number): number {
    return this.limiters!.acquire(slot);
  }

  /** Attempt row `r` holds the place taken with `inflight` in flight. */
  hold(r: number, inflight: number): void {
    if (r >= this.held.length) {
      const next = new Int32Array(Math.max(r + 1, this.held.length * 2));
      next.set(this.held);
      this.held = next;
    }
    this.held[r] = inflight;
  }

  /**
   * The client has attempt `r`'s answer (or gave up): its place goes back, and the limit learns
   * from it (`didDrop` for a failure, shed or timeout; `ignore` for a cancelled copy).
   */
  release(r: number, didDrop: boolean, ignore = false): void {
    if (r >= this.held.length) return;
    const inflight = this.held[r]!;
    if (inflight === 0) return;
    this.held[r] = 0;
    const core = this.core;
    const req = core.requests;
    const limiters = this.limiters!;
    const slot = req.slot[r]!;
    if (ignore) limiters.ignore(slot);
    else limiters.release(slot, req.sent[r]!, core.now - req.sent[r]!, inflight, didDrop);
  }

  /** The limit in force at `slot`, or NaN while no limiter runs. */
  limitOf(slot: number): number {
    return this.limiterOn && this.limiters !== null ? this.limiters.limitOf(slot) : NaN;
  }

  /** Attempts holding a place under `slot`'s limit. */
  inflightAt(slot: number): number {
    return this.limiters?.inflightAt(slot) ?? 0;
  }
}
