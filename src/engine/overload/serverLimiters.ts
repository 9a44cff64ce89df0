import type { Rng } from '../random.ts';
import { AimdLimit } from './limits/aimdLimit.ts';
import type { ConcurrencyLimit } from './limits/concurrencyLimit.ts';
import { GRADIENT2_DEFAULTS, Gradient2Limit } from './limits/gradient2Limit.ts';
import { GRADIENT_DEFAULTS, GradientLimit } from './limits/gradientLimit.ts';
import { WindowedLimit } from './limits/windowedLimit.ts';
import type { LimiterSpec } from './specs.ts';

/** The learned limit for one algorithm: AIMD on every sample, the gradients per 1 s window. */
export function createLimit(spec: LimiterSpec, rng: Rng): ConcurrencyLimit {
  const bounds = {
    initialLimit: spec.initialLimit,
    minLimit: spec.minLimit,
    maxLimit: spec.maxLimit,
  };
  switch (spec.algorithm) {
    case 'off':
    case 'aimd':
      return new AimdLimit({
        ...bounds,
        backoffRatio: spec.backoffRatio,
        timeoutMs: spec.timeoutMs,
      });
    case 'gradient':
      return new WindowedLimit(
        new GradientLimit(
          {
            ...bounds,
            smoothing: spec.smoothing,
            rttTolerance: spec.rttTolerance,
            backoffRatio: spec.backoffRatio,
            probeInterval: GRADIENT_DEFAULTS.probeInterval,
          },
          rng,
        ),
      );
    case 'gradient2':
      return new WindowedLimit(
        new Gradient2Limit({
          ...bounds,
          smoothing: spec.smoothing,
          rttTolerance: spec.rttTolerance,
          longWindow: GRADIENT2_DEFAULTS.longWindow,
          queueSize: GRADIENT2_DEFAULTS.queueSize,
        }),
      );
  }
}

/**
 * Admission control at the balancer: one learning concurrency limit per server, as a client-side
 * `SimpleLimiter` of Netflix's concurrency-limits would keep per host. An attempt to a server
 * takes one of its places (`acquire`) or is rejected at once (`limited`); when it ends (answered,
 * failed, or given up on by the client) the place is given back and the attempt is a sample
 * (`release`), so the limit moves. Rejected attempts are not samples.
 */
export class ServerLimiters {
  private limits: ConcurrencyLimit[] = [];
  private inflight = new Int32Array(8);

  constructor(
    private spec: LimiterSpec,
    private readonly rng: Rng,
  ) {}

  get algorithm(): LimiterSpec['algorithm'] {
    return this.spec.algorithm;
  }

  /** The limit in force at `slot`. */
  limitOf(slot: number): number {
    return this.limitFor(slot).limit;
  }

  /** Attempts holding a place at `slot`. */
  inflightAt(slot: number): number {
    return slot < this.inflight.length ? this.inflight[slot]! : 0;
  }

  /**
   * Takes a place at `slot` for a new attempt: returns the attempts in flight there with it (the
   * sample's `inflight`), or 0 when the limit is reached and the attempt must be rejected.
   */
  acquire(slot: number): number {
    if (slot >= this.inflight.length) this.grow(slot + 1);
    const held = this.inflight[slot]!;
    if (held >= this.limitFor(slot).limit) return 0;
    this.inflight[slot] = held + 1;
    return held + 1;
  }

  /** An attempt that held a place at `slot` ended: give the place back and learn from it. */
  release(slot: number, startMs: number, rttMs: number, inflight: number, didDrop: boolean): void {
    this.inflight[slot]!--;
    this.limitFor(slot).onSample(startMs, rttMs, inflight, didDrop);
  }

  /** Gives a place back without a sample (the library's `onIgnore`: the attempt was cancelled). */
  ignore(slot: number): void {
    this.inflight[slot]!--;
  }

  /** New settings (live): every server starts learning again; places held stay held. */
  reconfigure(spec: LimiterSpec): void {
    this.spec = spec;
    this.limits = [];
  }

  private limitFor(slot: number): ConcurrencyLimit {
    let limit = this.limits[slot];
    if (limit === undefined) {
      limit = createLimit(this.spec, this.rng);
      this.limits[slot] = limit;
    }
    return limit;
  }

  private grow(size: number): void {
    const next = new Int32Array(Math.max(size, this.inflight.length * 2));
    next.set(this.inflight);
    this.inflight = next;
  }
}
