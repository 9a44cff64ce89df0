import type { RawScenario } from '../engine/scenario/schema.ts';
import type { EditStep } from './editSteps.ts';

/** One setup the person had: the file form, and how to move to it from the one before. */
export interface HistoryEntry {
  /** The setup as a v1 file (serializeScenario), what a reload would load. */
  readonly setup: RawScenario;
  /** JSON of `setup`, to tell setups apart. */
  readonly key: string;
  /** The preset this setup is, unedited; null for anything else. */
  readonly presetId: string | null;
  /** Commands that turn the previous entry's setup into this one (redo); null: reload instead. */
  readonly forward: readonly EditStep[] | null;
  /** Commands that turn this setup back into the previous entry's (undo); null: reload instead. */
  readonly backward: readonly EditStep[] | null;
}

/** A move through the history: leaving `from`, arriving at `to`. */
export interface HistoryMove {
  readonly from: HistoryEntry;
  readonly to: HistoryEntry;
}

/** Makes an entry; `forward`/`backward` default to "reload". */
export function historyEntry(
  setup: RawScenario,
  presetId: string | null,
  steps: { forward: readonly EditStep[]; backward: readonly EditStep[] } | null = null,
): HistoryEntry {
  return entryOf(setup, presetId, steps?.forward ?? null, steps?.backward ?? null);
}

/**
 * Each setup's key, made when first read and kept with the setup object (entries that share a
 * setup share it): JSON of 10,000 servers costs tens of milliseconds, and an edit whose effect is
 * known needs no comparison at all.
 */
const keys = new WeakMap<RawScenario, string>();

function keyOf(setup: RawScenario): string {
  let key = keys.get(setup);
  if (key === undefined) keys.set(setup, (key = JSON.stringify(setup)));
  return key;
}

function entryOf(
  setup: RawScenario,
  presetId: string | null,
  forward: readonly EditStep[] | null,
  backward: readonly EditStep[] | null,
): HistoryEntry {
  return {
    setup,
    get key() {
      return keyOf(setup);
    },
    presetId,
    forward,
    backward,
  };
}

/**
 * A bounded, linear undo history of setups: pushing after an undo drops what could have been
 * redone, and the oldest entries fall off past the limit. Pure data: the store applies the moves.
 */
export class SetupHistory {
  private entries: HistoryEntry[] = [];
  private index = -1;

  constructor(readonly limit = 100) {}

  get current(): HistoryEntry | null {
    return this.entries[this.index] ?? null;
  }

  get canUndo(): boolean {
    return this.index > 0;
  }

  get canRedo(): boolean {
    return this.index < this.entries.length - 1;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Starts over with these entries, the last one current. */
  reset(entries: readonly HistoryEntry[]): void {
    this.entries = entries.slice(-this.limit);
    this.index = this.entries.length - 1;
  }

  /**
   * Records a new current setup. One equal to the current setup is not a change: it only updates
   * which preset the current entry is. `knownChanged`: the caller knows `entry` differs from the
   * current setup, so the two need not be compared. Returns whether an entry was added.
   */
  push(entry: HistoryEntry, knownChanged = false): boolean {
    const current = this.current;
    if (current && !knownChanged && current.key === entry.key) {
      const { setup, forward, backward } = current;
      this.entries[this.index] = entryOf(
        setup,
        entry.presetId ?? current.presetId,
        forward,
        backward,
      );
      return false;
    }
    this.entries.length = this.index + 1;
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.index = this.entries.length - 1;
    return true;
  }

  /** Replaces the current entry's setup with what the run actually has after a move. */
  refresh(setup: RawScenario): void {
    const current = this.current;
    if (!current) return;
    this.entries[this.index] = entryOf(setup, current.presetId, current.forward, current.backward);
  }

  undo(): HistoryMove | null {
    if (!this.canUndo) return null;
    const from = this.entries[this.index]!;
    this.index--;
    return { from, to: this.entries[this.index]! };
  }

  redo(): HistoryMove | null {
    if (!this.canRedo) return null;
    const from = this.entries[this.index]!;
    this.index++;
    return { from, to: this.entries[this.index]! };
  }

  /** Takes back an undo or redo that could not be applied. */
  revert(move: HistoryMove): void {
    const i = this.entries.indexOf(move.from);
    if (i >= 0) this.index = i;
  }
}
