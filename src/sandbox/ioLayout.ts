/**
 * The one buffer the host and the sandboxed strategy share: a Float64Array that lives inside
 * QuickJS's heap (so the sandbox reads it as an ordinary typed array) and that the host reads and
 * writes in place through the WebAssembly memory. Each call carries only what changed since the
 * last one, as a journal of numeric records, and the pick's answer comes back in the same buffer:
 * no server objects are marshalled per call.
 *
 * The prelude (prelude.ts) receives this object as an argument, since it runs inside QuickJS and
 * can import nothing.
 */
export const IO = {
  /** Four random numbers the host looks for to find the buffer in the WebAssembly memory. */
  magic: 0,
  /** Floats of journal written for this call. */
  journalLength: 4,
  /** 1 when the call ends with a pick (selectServer), 0 when it only delivers the journal. */
  pick: 5,
  requestId: 6,
  requestKey: 7,
  requestAttempt: 8,
  /** Out: the slot picked. */
  result: 9,
  /** In and out: the strategy stream's xoshiro128** state, four unsigned 32-bit words. */
  rng: 10,
  /** In: 1 when the host changed the state at IO.rng (another draw moved the stream). */
  rngIn: 14,
  /** Out: 1 when Math.random was called, and IO.rng holds the state after it. */
  rngOut: 15,
  /** Out: what the sandbox was doing when a call failed (see PHASE). */
  phase: 16,
  /** Out: 1 when the prelude refused what selectServer returned (the message says what). */
  refused: 17,
  /** Where the journal starts. */
  journal: 24,
  /** Floats of journal a call can carry; the host delivers a longer one in several calls. */
  journalCapacity: 8192,
  /** Journal records: an opcode followed by its fields. */
  opLoad: 1,
  opDone: 2,
  opSettings: 3,
} as const;

/** Floats one record of each kind takes, opcode included. */
export const RECORD_FLOATS = {
  /**
   * opLoad, slot, active, queued, healthy (0 or 1), and the slot's position in the offered list
   * before this change (where it is or goes in; -1 when it is not registered).
   */
  load: 6,
  /** opDone, slot, latencyMs, latency EWMA after it. */
  done: 4,
  /** opSettings, slot, capacity, weight, speed. */
  settings: 5,
} as const;

/** The whole buffer, in floats. */
export const IO_FLOATS = IO.journal + IO.journalCapacity;

/** What the sandbox was running, written to IO.phase so an error can say where it happened. */
export const PHASE = {
  idle: 0,
  selectServer: 1,
  onComplete: 2,
  onServerChange: 3,
} as const;

export type PhaseName = Exclude<keyof typeof PHASE, 'idle'>;

export type IoLayout = typeof IO;
