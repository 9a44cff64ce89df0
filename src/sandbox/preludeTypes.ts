/**
 * The shapes that cross between the host and the prelude (prelude.ts): the servers as the user's
 * code sees them, the pool as the host describes it, and what the prelude hands back. Types only,
 * so the prelude's source stays self-contained.
 */

/** One server as the user's code sees it. */
export interface SandboxServer {
  /** Fixed when the server is made, and not writable in there either. */
  readonly index: number;
  name: string;
  active: number;
  queued: number;
  capacity: number;
  weight: number;
  speed: number;
  latencyEwmaMs: number;
  healthy: boolean;
}

/** A registered server as the host describes it when the pool's membership changes. */
export interface PoolEntry {
  readonly slot: number;
  readonly name: string;
  readonly active: number;
  readonly queued: number;
  readonly healthy: boolean;
  readonly capacity: number;
  readonly weight: number;
  readonly speed: number;
  readonly latencyEwmaMs: number;
}

export type UserFunction = (...args: unknown[]) => unknown;

/** The user's functions, read from the global scope after their code ran. */
export interface UserFunctions {
  readonly selectServer: unknown;
  readonly onComplete: unknown;
  readonly onServerChange: unknown;
}

/** What the prelude hands back to the host (as QuickJS handles). */
export interface PreludeExports {
  /** Takes the user's functions; returns a problem in words, or '' when they are usable. */
  init(found: UserFunctions): string;
  /** Replays the journal, then picks when asked (see IO). */
  step(): void;
  /** Replaces the registered servers (JSON of PoolEntry[] in pool order). */
  sync(json: string): void;
  /** Reads back what the host wrote at IO.magic + 1 (checks that the buffer was found). */
  echo(): number;
}
