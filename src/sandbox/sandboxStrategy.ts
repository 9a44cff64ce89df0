/*
 * The engine's side of a sandboxed strategy: a Strategy (src/engine/strategies/strategy.ts) whose
 * picks come from the user's code in QuickJS. The engine knows nothing of the sandbox; it calls
 * this object as it calls a built-in one. What changed between two picks (loads, health, settings,
 * completions) is journalled here and crosses in one call, as numbers.
 */
import type { PoolView } from '../engine/poolView.ts';
import type { Rng } from '../engine/random.ts';
import {
  formatScore,
  nameOf,
  traceCandidate,
  traceKeepChosen,
} from '../engine/strategies/pickTrace.ts';
import type { PickContext, PickTrace } from '../engine/strategies/strategy.ts';
import { IO, RECORD_FLOATS } from './ioLayout.ts';
import { OfferedRanks } from './offeredRanks.ts';
import type { PoolEntry } from './preludeTypes.ts';
import { SandboxError } from './sandboxError.ts';
import type { StrategySandbox } from './strategySandbox.ts';
import { readRngState, sameRngState, writeRngState } from './rngState.ts';

/**
 * Weight of the newest reply in `latencyEwmaMs`: ewma += 0.2 × (latency − ewma), the first reply
 * taken as it is. A fixed weight per reply (not per second, as Finagle's peak EWMA decays) keeps
 * the number easy to reason about in an exercise.
 */
export const LATENCY_EWMA_WEIGHT = 0.2;

/** What a pick may read besides the key: the engine passes these for sandboxed strategies. */
interface RequestContext extends PickContext {
  readonly id?: number;
  readonly attempt?: number;
}

/** Speed is in the pool but not (yet) in every view of it. */
type PoolWithSpeed = PoolView & { readonly speed?: Float64Array };

/**
 * A balancing strategy written by the user. When the code fails (throws, returns a stranger
 * object, runs too long or out of memory) the pick returns -1 and `failure` says why; the
 * simulation stops the run at that request.
 */
export class SandboxStrategy {
  readonly name = 'custom' as const;
  /** Set once the code failed; every later pick then returns -1 at once. */
  failure: SandboxError | null = null;
  private journal = new Float64Array(IO.journalCapacity);
  private length = 0;
  private version = -1;
  private size = -1;
  /** What the sandbox was last told of each slot, so unchanged notices cost nothing. */
  private sentLoad = new Int32Array(0);
  private sentHealthy = new Int8Array(0);
  /** 1 for the slots registered at the last resync: the ones the sandbox may offer. */
  private sentRegistered = new Uint8Array(0);
  /** The slots the sandbox offers now, to tell it where in its list a changed one stands. */
  private readonly ranks = new OfferedRanks();
  private sentCapacity = new Float64Array(0);
  private sentWeight = new Float64Array(0);
  private sentSpeed = new Float64Array(0);
  private ewma = new Float64Array(0);
  private replies = new Float64Array(0);
  /** The stream's state as the sandbox last left it: unchanged means no need to send it in. */
  private readonly rngSeen = new Int32Array(4);
  private rngKnown = false;

  constructor(readonly sandbox: StrategySandbox) {}

  pick(pool: PoolView, ctx: PickContext, rng: Rng): number {
    if (this.failure !== null) return -1;
    try {
      if (pool.version !== this.version || pool.size !== this.size) this.resync(pool);
      const floats = this.sandbox.shared.floats;
      this.sendRng(floats, rng);
      const request = ctx as RequestContext;
      floats[IO.requestId] = request.id ?? 0;
      floats[IO.requestKey] = ctx.key;
      floats[IO.requestAttempt] = request.attempt ?? 0;
      this.deliver(floats, 1);
      if (floats[IO.rngOut] === 1) {
        floats[IO.rngOut] = 0;
        this.takeRng(floats, rng);
      }
      const slot = floats[IO.result]!;
      if (ctx.trace !== null) explain(pool, ctx.trace, slot);
      return slot;
    } catch (error) {
      return this.failed(error);
    }
  }

  onServerChange(pool: PoolView, slot: number): void {
    if (this.failure !== null || slot >= this.sentLoad.length) return;
    const load = pool.active[slot]! + pool.queued[slot]!;
    const healthy = pool.healthy[slot]!;
    if (load !== this.sentLoad[slot] || healthy !== this.sentHealthy[slot]) {
      this.sentLoad[slot] = load;
      this.sentHealthy[slot] = healthy;
      // Its place in the offered list before this change: where it is, or where it goes in.
      let at = -1;
      if (this.sentRegistered[slot] === 1) {
        at = this.ranks.below(slot);
        this.ranks.set(slot, healthy === 1);
      }
      const j = this.reserve(RECORD_FLOATS.load);
      j[this.length++] = IO.opLoad;
      j[this.length++] = slot;
      j[this.length++] = pool.active[slot]!;
      j[this.length++] = pool.queued[slot]!;
      j[this.length++] = healthy;
      j[this.length++] = at;
    }
    const speed = (pool as PoolWithSpeed).speed?.[slot] ?? 1;
    if (
      pool.capacity[slot] !== this.sentCapacity[slot] ||
      pool.weight[slot] !== this.sentWeight[slot] ||
      speed !== this.sentSpeed[slot]
    ) {
      this.sentCapacity[slot] = pool.capacity[slot]!;
      this.sentWeight[slot] = pool.weight[slot]!;
      this.sentSpeed[slot] = speed;
      const j = this.reserve(RECORD_FLOATS.settings);
      j[this.length++] = IO.opSettings;
      j[this.length++] = slot;
      j[this.length++] = pool.capacity[slot]!;
      j[this.length++] = pool.weight[slot]!;
      j[this.length++] = speed;
    }
  }

  onComplete(slot: number, latencyMs: number): void {
    if (this.failure !== null || slot >= this.ewma.length) return;
    const before = this.ewma[slot]!;
    const after =
      this.replies[slot] === 0 ? latencyMs : before + LATENCY_EWMA_WEIGHT * (latencyMs - before);
    this.ewma[slot] = after;
    this.replies[slot]!++;
    const j = this.reserve(RECORD_FLOATS.done);
    j[this.length++] = IO.opDone;
    j[this.length++] = slot;
    j[this.length++] = latencyMs;
    j[this.length++] = after;
  }

  /** Frees the sandbox's QuickJS runtime. */
  dispose(): void {
    this.sandbox.dispose();
  }

  /** Room for a record: a full journal is delivered first (without a pick). */
  private reserve(floats: number): Float64Array {
    if (this.length + floats > this.journal.length) {
      try {
        this.deliver(this.sandbox.shared.floats, 0);
      } catch (error) {
        this.failed(error);
      }
    }
    return this.journal;
  }

  /** One call into the sandbox: the journal so far, then a pick if `pick` is 1. */
  private deliver(floats: Float64Array, pick: number): void {
    const journal = this.journal;
    const n = this.length;
    // A loop, not set(subarray): a pick carries a dozen numbers, and subarray allocates.
    for (let i = 0; i < n; i++) floats[IO.journal + i] = journal[i]!;
    floats[IO.journalLength] = n;
    floats[IO.pick] = pick;
    this.length = 0;
    this.sandbox.call();
  }

  /** Tells the sandbox every registered server, after membership or names changed. */
  private resync(pool: PoolView): void {
    // Completions noted so far still reach onComplete, in order, before the new list.
    if (this.length > 0) this.deliver(this.sandbox.shared.floats, 0);
    this.grow(pool.size);
    this.sentRegistered.fill(0);
    this.ranks.reset(this.sentLoad.length);
    const entries: PoolEntry[] = [];
    for (const slot of pool.members) {
      const speed = (pool as PoolWithSpeed).speed?.[slot] ?? 1;
      entries.push({
        slot,
        name: pool.names[slot] ?? '',
        active: pool.active[slot]!,
        queued: pool.queued[slot]!,
        healthy: pool.healthy[slot] === 1,
        capacity: pool.capacity[slot]!,
        weight: pool.weight[slot]!,
        speed,
        latencyEwmaMs: this.ewma[slot]!,
      });
      this.sentLoad[slot] = pool.active[slot]! + pool.queued[slot]!;
      this.sentHealthy[slot] = pool.healthy[slot]!;
      this.sentRegistered[slot] = 1;
      this.ranks.set(slot, pool.healthy[slot] === 1);
      this.sentCapacity[slot] = pool.capacity[slot]!;
      this.sentWeight[slot] = pool.weight[slot]!;
      this.sentSpeed[slot] = speed;
    }
    this.sandbox.sync(entries);
    this.version = pool.version;
    this.size = pool.size;
  }

  private grow(size: number): void {
    if (size <= this.sentLoad.length) return;
    const n = Math.max(size, this.sentLoad.length * 2, 8);
    const grown = <T extends Int32Array | Int8Array | Uint8Array | Float64Array>(
      from: T,
      make: (n: number) => T,
    ) => {
      const to = make(n);
      to.set(from);
      return to;
    };
    this.sentLoad = grown(this.sentLoad, (k) => new Int32Array(k).fill(-1));
    this.sentHealthy = grown(this.sentHealthy, (k) => new Int8Array(k).fill(-1));
    this.sentRegistered = grown(this.sentRegistered, (k) => new Uint8Array(k));
    this.sentCapacity = grown(this.sentCapacity, (k) => new Float64Array(k).fill(NaN));
    this.sentWeight = grown(this.sentWeight, (k) => new Float64Array(k).fill(NaN));
    this.sentSpeed = grown(this.sentSpeed, (k) => new Float64Array(k).fill(NaN));
    this.ewma = grown(this.ewma, (k) => new Float64Array(k));
    this.replies = grown(this.replies, (k) => new Float64Array(k));
  }

  /** Sends the stream's state in when something else drew from it since the sandbox last did. */
  private sendRng(floats: Float64Array, rng: Rng): void {
    const seen = this.rngSeen;
    if (this.rngKnown && sameRngState(rng, seen)) return;
    readRngState(rng, seen);
    // The words go across as unsigned numbers, and come back (takeRng) as 32-bit integers.
    for (let k = 0; k < 4; k++) floats[IO.rng + k] = seen[k]! >>> 0;
    floats[IO.rngIn] = 1;
    this.rngKnown = true;
  }

  /** Takes back the state Math.random left, so the run's stream moves on from there. */
  private takeRng(floats: Float64Array, rng: Rng): void {
    const seen = this.rngSeen;
    for (let k = 0; k < 4; k++) seen[k] = floats[IO.rng + k]! | 0;
    writeRngState(rng, seen);
  }

  private failed(error: unknown): number {
    if (!(error instanceof SandboxError)) throw error;
    this.failure = error;
    return -1;
  }
}

/** The inspector's view of a custom pick: the healthy servers with their load, and the choice. */
function explain(pool: PoolView, t: PickTrace, chosen: number): void {
  let healthy = 0;
  for (const slot of pool.members) {
    if (pool.healthy[slot] !== 1) continue;
    healthy++;
    traceCandidate(t, slot, pool.active[slot]! + pool.queued[slot]!);
  }
  traceKeepChosen(t, chosen, pool.active[chosen]! + pool.queued[chosen]!);
  t.considered = healthy;
  t.scoreName = 'active + queued';
  t.lowerWins = false;
  const load = formatScore(pool.active[chosen]! + pool.queued[chosen]!);
  t.rule = `Your selectServer chose ${nameOf(pool, chosen)} (load ${load}) from the ${healthy} healthy servers it was offered.`;
}
