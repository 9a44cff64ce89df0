import { create } from 'zustand';
import { STRATEGY_NAMES, type StrategyName } from '../engine/strategies/strategy.ts';
import type { CompareOutcome, CompareResult, CompareVariant } from '../worker/protocol.ts';
import { callSimulation, usePlayground } from './playgroundStore.ts';

/** Most strategies one comparison runs side by side. */
export const MAX_COMPARED = 4;

/** Compare mode: which strategies to run side by side, and the last comparison's result. */
export interface CompareState {
  /** Chosen strategies, in the order STRATEGY_NAMES lists them. */
  readonly selected: readonly StrategyName[];
  /** d for power of d choices in the comparison (the other options come from the setup). */
  readonly choices: number;
  readonly running: boolean;
  readonly result: CompareResult | null;
  /** Why the last comparison was refused or failed. */
  readonly error: string | null;
  /** The setup version the result was run on, to tell when the setup has changed since. */
  readonly resultSetupVersion: number | null;
  /** Adds or removes a strategy (at most MAX_COMPARED are kept). */
  toggle(name: StrategyName): void;
  setChoices(d: number): void;
  /** Runs the chosen strategies on the current setup's workload in the worker. */
  run(): Promise<void>;
}

export const useCompare = create<CompareState>()((set, get) => ({
  selected: ['round-robin', 'least-connections'],
  choices: 2,
  running: false,
  result: null,
  error: null,
  resultSetupVersion: null,

  toggle(name) {
    const { selected } = get();
    if (selected.includes(name)) set({ selected: selected.filter((s) => s !== name) });
    else if (selected.length < MAX_COMPARED) {
      set({ selected: STRATEGY_NAMES.filter((s) => s === name || selected.includes(s)) });
    }
  },

  setChoices(choices) {
    set({ choices });
  },

  async run() {
    const { selected, choices, running } = get();
    if (running) return;
    const snapshot = usePlayground.getState().snapshot;
    // d above the number of servers samples them all anyway: the same as d = n.
    const d = Math.min(choices, Math.max(1, snapshot?.setup.servers.length ?? choices));
    const variants: CompareVariant[] = selected.map((strategy) =>
      strategy === 'power-of-two-choices' ? { strategy, options: { choices: d } } : { strategy },
    );
    const setupVersion = snapshot?.setupVersion ?? null;
    set({ running: true, error: null });
    let outcome: CompareOutcome;
    try {
      outcome = await callSimulation(async (api): Promise<CompareOutcome> => api.compare(variants));
    } catch (e) {
      outcome = { ok: false, message: `The simulation stopped: ${(e as Error).message}` };
    }
    if (outcome.ok) set({ running: false, result: outcome, resultSetupVersion: setupVersion });
    else set({ running: false, error: outcome.message });
  },
}));
