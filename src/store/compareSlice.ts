import {
  CUSTOM_STRATEGY,
  STRATEGY_NAMES,
  type StrategyChoice,
} from '../engine/strategies/strategy.ts';
import type { CompareOutcome, CompareResult, CompareVariant } from '../worker/protocol.ts';
import type { SimLink } from './simLink.ts';
import type { AppState } from './types.ts';
import { trackJob, type JobState } from './jobTracking.ts';

/** What a comparison can run: the built-ins, then the user's own code (the editor's). */
export const COMPARE_CHOICES: readonly StrategyChoice[] = [...STRATEGY_NAMES, CUSTOM_STRATEGY];

/** Most strategies one comparison runs side by side. */
export const MAX_COMPARED = 4;

/** Compare mode: which strategies to run side by side, and the last comparison's result. */
export interface CompareState {
  /** Chosen strategies, in the order COMPARE_CHOICES lists them. */
  readonly selected: readonly StrategyChoice[];
  /** d for power of d choices in the comparison (the other options come from the setup). */
  readonly choices: number;
  /** The comparison running in the worker and how far it has got, or null. */
  readonly job: JobState | null;
  readonly result: CompareResult | null;
  /** Why the last comparison was refused, failed or stopped. */
  readonly error: string | null;
  /** The setup version the result was run on, to tell when the setup has changed since. */
  readonly resultSetupVersion: number | null;
  /** Adds or removes a strategy (at most MAX_COMPARED are kept). */
  toggle(name: StrategyChoice): void;
  setChoices(d: number): void;
  /** Runs the chosen strategies on the current setup's workload in the worker. */
  run(): Promise<void>;
  /** Stops the comparison running; the last result stays. */
  cancel(): void;
}

/** What the compare slice needs from the store around it. */
export interface CompareHost {
  readonly get: () => AppState;
  readonly set: (fn: (state: AppState) => Partial<AppState>) => void;
  readonly link: SimLink;
}

/** The compare slice: strategies side by side on one workload, headless in the worker. */
export function compareSlice({ get, set, link }: CompareHost): CompareState {
  const patch = (p: Partial<CompareState>) => set((s) => ({ compare: { ...s.compare, ...p } }));
  const mine = () => get().compare;

  return {
    selected: ['round-robin', 'least-connections'],
    choices: 2,
    job: null,
    result: null,
    error: null,
    resultSetupVersion: null,

    toggle(name) {
      const { selected } = mine();
      if (selected.includes(name)) patch({ selected: selected.filter((s) => s !== name) });
      else if (selected.length < MAX_COMPARED) {
        patch({ selected: COMPARE_CHOICES.filter((s) => s === name || selected.includes(s)) });
      }
    },

    setChoices(choices) {
      patch({ choices });
    },

    async run() {
      const { selected, choices, job } = mine();
      if (job) return;
      const snapshot = get().snapshot;
      // d above the number of servers samples them all anyway: the same as d = n.
      const d = Math.min(choices, Math.max(1, snapshot?.setup.servers.length ?? choices));
      // The user's column runs the editor's code as it stands (the setup's if never edited).
      const code = get().strategyCode.draft ?? snapshot?.setup.customStrategy?.code;
      const variants: CompareVariant[] = selected.map((strategy) =>
        strategy === 'power-of-two-choices'
          ? { strategy, options: { choices: d } }
          : strategy === 'custom' && code !== undefined
            ? { strategy, code }
            : { strategy },
      );
      const setupVersion = snapshot?.setupVersion ?? null;
      patch({ error: null });
      const outcome = await trackJob<CompareOutcome>(
        link,
        (id, api) => api.compare(id, variants),
        (state) => patch({ job: state }),
      );
      if (outcome.ok) patch({ job: null, result: outcome, resultSetupVersion: setupVersion });
      else patch({ job: null, error: outcome.message });
    },

    cancel() {
      const { job } = mine();
      if (job) void link.call((api) => api.cancelJob(job.id)).catch(() => undefined);
    },
  };
}
