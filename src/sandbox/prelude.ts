/*
 * The glue that runs INSIDE the sandbox, before the user's code: its source text (the function
 * below, via toString) is evaluated by QuickJS, so it must stay self-contained. It may use only
 * its parameters and ECMAScript's built-ins: no imports, no variables from this module, no host
 * globals (none exist in there).
 */
import type { describeReturn } from './describeReturn.ts';
import type { IoLayout } from './ioLayout.ts';
import type {
  PoolEntry,
  PreludeExports,
  SandboxServer,
  UserFunction,
  UserFunctions,
} from './preludeTypes.ts';

/**
 * Builds the sandbox side of the strategy API. `magic` marks the shared buffer so the host can find
 * it; `L` is IO from ioLayout.ts; `P` is PHASE.
 */
export function sandboxPrelude(
  magic: number[],
  L: IoLayout,
  P: { selectServer: number; onComplete: number; onServerChange: number; idle: number },
  R: { load: number; done: number; settings: number },
  describe: typeof describeReturn,
): PreludeExports {
  'use strict';
  const freeze = Object.freeze;
  const imul = Math.imul;
  // Constants as locals: a property read on L costs as much as the rest of a small step.
  const JOURNAL = L.journal;
  const JOURNAL_LENGTH = L.journalLength;
  const PICK = L.pick;
  const RESULT = L.result;
  const RNG = L.rng;
  const RNG_IN = L.rngIn;
  const RNG_OUT = L.rngOut;
  const PHASE_AT = L.phase;
  const REFUSED = L.refused;
  const REQUEST_ID = L.requestId;
  const REQUEST_KEY = L.requestKey;
  const REQUEST_ATTEMPT = L.requestAttempt;
  const OP_LOAD = L.opLoad;
  const OP_DONE = L.opDone;
  const LOAD_FLOATS = R.load;
  const DONE_FLOATS = R.done;
  const SETTINGS_FLOATS = R.settings;
  const IN_SELECT = P.selectServer;
  const IN_COMPLETE = P.onComplete;
  const IN_CHANGE = P.onServerChange;
  const IDLE = P.idle;
  const io = new Float64Array(L.journal + L.journalCapacity);
  for (let i = 0; i < magic.length; i++) io[L.magic + i] = magic[i]!;

  // ---- Math.random: the run's strategy stream (xoshiro128**, as the engine's random.ts). ----
  let s0 = 0x9e3779b9 | 0;
  let s1 = 0x243f6a88 | 0;
  let s2 = 0xb7e15162 | 0;
  let s3 = 0x6a09e667 | 0;
  /** Whether Math.random was called in this step (then its state goes back to the host). */
  let drew = false;
  function random(): number {
    drew = true;
    const m = imul(s1, 5);
    const r = imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return r / 4294967296;
  }
  Object.defineProperty(Math, 'random', { value: random, writable: false, configurable: false });
  // Nothing that could make a run depend on when the garbage collector ran.
  const g = globalThis as Record<string, unknown>;
  for (const name of ['WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics']) {
    delete g[name];
  }

  // ---- The servers, kept alive between calls and updated in place from the journal. ----
  /** Per slot; undefined until the host first mentions it. */
  const bySlot: SandboxServer[] = [];
  const registered: boolean[] = [];
  /** Healthy registered servers in pool order (slot order): what selectServer is offered. */
  const healthy: SandboxServer[] = [];
  /**
   * A frozen copy of `healthy` handed to the user, rebuilt only after `healthy` changed (by
   * toSpliced, which QuickJS runs several times faster than slice: see `loadsCopy`).
   */
  let offered: readonly SandboxServer[] = freeze([]);
  let offeredStale = true;
  /**
   * Per slot: healthy as the host last said (on `healthy` once registered). The prelude's own
   * record: `s.healthy` is the user's code's to overwrite.
   */
  const hostHealthy: boolean[] = [];
  /**
   * `loads[k]` is `healthy[k].active + healthy[k].queued`, kept in step with `healthy`: a plain
   * array, because QuickJS's native Math.min.apply, indexOf and spread copy a plain array several
   * times faster than a typed one, so the scan a least connections needs runs in C instead of one
   * interpreted step per server.
   */
  const loads: number[] = [];
  /**
   * What the user's code gets as `pool.loads`: a copy of `loads`, made at the first read in a call
   * of theirs and kept for the rest of it, so nothing the code does to it (sort, push, write) can
   * reach `loads` or a later call, and code that never reads it pays nothing. toSpliced, because
   * QuickJS copies a plain array that way several times faster than by slice or spread, and the
   * copy is a plain array again (the native scans stay fast). Each of the three calls into the
   * user's code (onComplete, onServerChange, selectServer) clears it beside setting PHASE_AT, in
   * line: a shared helper would add an interpreted function call to every pick.
   */
  let loadsCopy: number[] | null = null;
  const pool = freeze({
    get loads(): number[] {
      return loadsCopy ?? (loadsCopy = loads.toSpliced(0, 0));
    },
  });
  /** Every registered server in pool order, for onServerChange. */
  let everyone: readonly SandboxServer[] = freeze([]);
  let poolChanged = false;

  /**
   * Fields are plain data properties, rewritten in place as the journal says. Making them
   * non-writable would cost a defineProperty per change (measured: about 1 µs more a pick for
   * every strategy, two fifths of a round robin pick); the API reference asks the user's code to
   * treat them as read-only, and what the code writes there is seen only by the code itself,
   * until the field next changes. It never reaches the simulation or the prelude's own records:
   * those read only `index` (fixed when the server is made, and not writable), `hostHealthy` and
   * `loads`.
   */
  function set(s: SandboxServer, key: keyof SandboxServer, value: unknown): void {
    (s as unknown as Record<string, unknown>)[key] = value;
  }

  function serverAt(slot: number): SandboxServer {
    let s = bySlot[slot];
    if (s === undefined) {
      s = {
        index: slot,
        name: '',
        active: 0,
        queued: 0,
        capacity: 0,
        weight: 0,
        speed: 0,
        latencyEwmaMs: 0,
        healthy: false,
      };
      Object.defineProperty(s, 'index', { writable: false, configurable: false });
      bySlot[slot] = s;
      registered[slot] = false;
      hostHealthy[slot] = false;
    }
    return s;
  }

  /** Position of `slot` in `healthy`, or where it would go (binary search: slot order). */
  function healthyPosition(slot: number): number {
    let lo = 0;
    let hi = healthy.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (healthy[mid]!.index < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Where `s` is in `healthy` (`present`) or goes in. `hint` is the host's count of the offered
   * servers before it (see offeredRanks.ts), checked here: a wrong one costs a search, never a
   * wrong list.
   */
  function placeOf(s: SandboxServer, hint: number, present: boolean): number {
    if (present) {
      if (healthy[hint] === s) return hint;
    } else if (
      hint >= 0 &&
      hint <= healthy.length &&
      (hint === 0 || healthy[hint - 1]!.index < s.index) &&
      (hint === healthy.length || healthy[hint]!.index > s.index)
    ) {
      return hint;
    }
    return healthyPosition(s.index);
  }

  /** `s` goes on or off the offered list, at the place the host said (`hint`). */
  function setHealthy(s: SandboxServer, value: boolean, hint: number): void {
    set(s, 'healthy', value);
    hostHealthy[s.index] = value;
    if (!registered[s.index]) return;
    const at = placeOf(s, hint, !value);
    if (value) {
      healthy.splice(at, 0, s);
      loads.splice(at, 0, s.active + s.queued);
    } else {
      healthy.splice(at, 1);
      loads.splice(at, 1);
    }
    offeredStale = true;
  }

  // ---- The user's functions, and calling them. ----
  let selectServer: UserFunction | null = null;
  let onComplete: UserFunction | null = null;
  let onServerChange: UserFunction | null = null;
  const state: Record<string, unknown> = {};

  function init(found: UserFunctions): string {
    if (typeof found.selectServer !== 'function') {
      return found.selectServer === undefined
        ? 'Define a function selectServer(servers, request, state) that returns one of servers.'
        : `selectServer must be a function, but it is ${typeof found.selectServer}.`;
    }
    for (const name of ['onComplete', 'onServerChange'] as const) {
      const hook = found[name];
      if (hook !== undefined && typeof hook !== 'function')
        return `${name} must be a function when it is defined, but it is ${typeof hook}.`;
    }
    selectServer = found.selectServer as UserFunction;
    onComplete = (found.onComplete as UserFunction | undefined) ?? null;
    onServerChange = (found.onServerChange as UserFunction | undefined) ?? null;
    return '';
  }

  function replayJournal(): void {
    const end = JOURNAL + io[JOURNAL_LENGTH]!;
    let i = JOURNAL;
    while (i < end) {
      const op = io[i]!;
      // Counts become integers again (`| 0`): QuickJS keeps numbers read from a Float64Array as
      // doubles, and a scan that adds doubles runs at half the speed of one that adds integers.
      const slot = io[i + 1]! | 0;
      const s = bySlot[slot] ?? serverAt(slot);
      if (op === OP_LOAD) {
        const active = io[i + 2]! | 0;
        const queued = io[i + 3]! | 0;
        s.active = active;
        s.queued = queued;
        const healthyNow = io[i + 4] === 1;
        const hint = io[i + 5]! | 0;
        if (hostHealthy[slot] !== healthyNow) setHealthy(s, healthyNow, hint);
        else if (healthyNow && registered[slot]) loads[placeOf(s, hint, true)] = active + queued;
        i += LOAD_FLOATS;
      } else if (op === OP_DONE) {
        s.latencyEwmaMs = io[i + 3]!;
        if (onComplete !== null && registered[s.index]) {
          io[PHASE_AT] = IN_COMPLETE;
          loadsCopy = null;
          onComplete(s, io[i + 2], state);
        }
        i += DONE_FLOATS;
      } else {
        set(s, 'capacity', io[i + 2]! | 0);
        set(s, 'weight', io[i + 3]);
        set(s, 'speed', io[i + 4]);
        poolChanged = true;
        i += SETTINGS_FLOATS;
      }
    }
    io[JOURNAL_LENGTH] = 0;
  }

  function refuse(value: unknown): never {
    io[REFUSED] = 1;
    throw new TypeError(`selectServer returned ${describe(value, bySlot, registered, healthy)}.`);
  }

  function pick(): void {
    if (offeredStale) {
      offered = freeze(healthy.toSpliced(0, 0));
      offeredStale = false;
    }
    if (poolChanged) {
      poolChanged = false;
      if (onServerChange !== null) {
        io[PHASE_AT] = IN_CHANGE;
        loadsCopy = null;
        onServerChange(everyone, state);
      }
    }
    // A fresh object per pick (about 0.4 µs): code may keep it in `state`, as any plain object.
    const request = { id: io[REQUEST_ID]!, key: io[REQUEST_KEY]!, attempt: io[REQUEST_ATTEMPT]! };
    io[PHASE_AT] = IN_SELECT;
    loadsCopy = null;
    const chosen = selectServer!(offered, request, state, pool);
    let s: SandboxServer | undefined;
    // bySlot holds servers at integer indexes only: any other number (-1, 1.5, NaN) finds nothing.
    if (typeof chosen === 'number') s = bySlot[chosen];
    else if (typeof chosen === 'object' && chosen !== null) {
      s = bySlot[(chosen as SandboxServer).index];
      if (s !== chosen) s = undefined;
    }
    if (s === undefined || !hostHealthy[s.index] || !registered[s.index]) refuse(chosen);
    io[RESULT] = s.index;
  }

  /**
   * The stream's state crosses only when it must: in when the host says another draw moved it
   * (IO.rngIn), out when Math.random was called here (IO.rngOut).
   */
  function step(): void {
    if (io[RNG_IN] === 1) {
      s0 = io[RNG]! | 0;
      s1 = io[RNG + 1]! | 0;
      s2 = io[RNG + 2]! | 0;
      s3 = io[RNG + 3]! | 0;
      io[RNG_IN] = 0;
    }
    drew = false;
    io[PHASE_AT] = IDLE;
    if (io[JOURNAL_LENGTH] !== 0) replayJournal();
    if (io[PICK] === 1) pick();
    // After a throw the sandbox is done for, and nobody reads the stream's state: no finally.
    if (drew) {
      io[RNG] = s0 >>> 0;
      io[RNG + 1] = s1 >>> 0;
      io[RNG + 2] = s2 >>> 0;
      io[RNG + 3] = s3 >>> 0;
      io[RNG_OUT] = 1;
    }
  }

  function sync(json: string): void {
    const entries = JSON.parse(json) as PoolEntry[];
    for (let slot = 0; slot < registered.length; slot++) registered[slot] = false;
    healthy.length = 0;
    loads.length = 0;
    const list: SandboxServer[] = [];
    for (const e of entries) {
      const s = serverAt(e.slot);
      registered[e.slot] = true;
      set(s, 'name', e.name);
      set(s, 'active', e.active);
      set(s, 'queued', e.queued);
      set(s, 'capacity', e.capacity);
      set(s, 'weight', e.weight);
      set(s, 'speed', e.speed);
      set(s, 'latencyEwmaMs', e.latencyEwmaMs);
      set(s, 'healthy', e.healthy);
      hostHealthy[e.slot] = e.healthy;
      if (e.healthy) {
        healthy.push(s);
        loads.push(e.active + e.queued);
      }
      list.push(s);
    }
    everyone = freeze(list);
    offeredStale = true;
    poolChanged = true;
  }

  function echo(): number {
    return io[L.magic + 1]!;
  }

  return { init, step, sync, echo };
}
