import type { Scenario } from '../engine/scenario/types.ts';
import { applySetupDelta, deltaIsNoChange, type SetupUpdate } from '../worker/setupDelta.ts';

/** The setup as the page last read it, and whether that read found it changed. */
export interface MirroredSetup {
  readonly setup: Scenario;
  /**
   * Whether it differs from the copy held before this read (as a scenario file would show);
   * undefined when the whole setup came across and only a comparison could tell.
   */
  readonly changed: boolean | undefined;
}

/**
 * The page's copy of the worker's setup, kept current by deltas (see setupDelta.ts): reading it
 * after an edit of one server in a pool of 10,000 moves that one server across, not the pool.
 *
 * Versions are the worker's own count, so they mean something only to the worker that gave them:
 * after a lost worker is replaced (a new `generation`), the copy starts over with the whole setup,
 * even where the fresh worker's count has come to the very number the copy holds.
 */
export class SetupMirror {
  private generation = 0;
  private version: number | null = null;
  private held: Scenario | null = null;

  /**
   * Reads the setup of worker `generation` through `fetch` (its setupSince); undefined if the
   * call failed.
   */
  async read(
    generation: number,
    fetch: (known: number | null) => Promise<SetupUpdate | undefined>,
  ): Promise<MirroredSetup | undefined> {
    if (generation !== this.generation) {
      this.generation = generation;
      this.version = null;
      this.held = null;
    }
    const update = await fetch(this.version);
    if (!update) return undefined;
    const held = this.held;
    let setup: Scenario;
    let changed: boolean | undefined;
    if (update.delta !== null && held !== null && update.delta.base === this.version) {
      setup = applySetupDelta(held, update.delta);
      changed = !deltaIsNoChange(held, update.delta);
    } else if (update.setup !== null) {
      setup = update.setup;
      changed = undefined;
    } else if (held !== null && update.version === this.version) {
      return { setup: held, changed: false };
    } else {
      // Out of step (the worker forgot the version the copy holds): start over with the whole.
      this.version = null;
      return this.read(generation, fetch);
    }
    this.version = update.version;
    this.held = setup;
    return { setup, changed };
  }
}
