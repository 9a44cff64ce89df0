import type { RawScenario } from '../../../engine/scenario/schema.ts';
import type { ResilienceSpec, Scenario } from '../../../engine/scenario/types.ts';
import type { RunSummary } from '../../../engine/summary.ts';

/**
 * The traffic a challenge is judged on. The learner may not change it: "Check my setup" puts it
 * back over whatever the setup says before running.
 */
export interface Workload {
  readonly seed: number;
  readonly service: NonNullable<RawScenario['service']>;
  readonly keys: NonNullable<RawScenario['keys']>;
  readonly traffic: NonNullable<RawScenario['traffic']>;
  /** Cache fields the workload fixes (e.g. how fast a hit is, or that there is no cache). */
  readonly cache?: NonNullable<RawScenario['cache']>;
  /** What the brief says about the traffic, one line each. */
  readonly description: readonly string[];
  /**
   * An overload challenge: its scheduled events (a latency spike), run length, and the client's
   * own behaviour (timeout, retries, deadline), which the learner may not change either. With it
   * the learner's overload defences count: shedding and contention, and the learning limit,
   * throttling and hedging of the defences; without it every optional defence is off.
   */
  readonly overload?: {
    readonly events: NonNullable<RawScenario['events']>;
    readonly durationMs: number;
    readonly client: Pick<ResilienceSpec, 'timeoutMs' | 'deadlineMs' | 'retry'>;
  };
  /** Where the run stops (a day of traffic), and what it is priced and held to; all optional. */
  readonly durationMs?: number;
  readonly cost?: NonNullable<RawScenario['cost']>;
  readonly slo?: NonNullable<RawScenario['slo']>;
}

/** A rule about the setup itself (how many servers, how big, which cache placement). */
export interface Constraint {
  readonly id: string;
  readonly label: string;
  /** The rule as shown next to the measured value, e.g. "≤ 6". */
  readonly target: string;
  readonly measure: (setup: Scenario) => { readonly pass: boolean; readonly value: string };
}

/** A target for the run's outcome, read from its summary. */
export interface Goal {
  readonly id: string;
  readonly label: string;
  readonly direction: 'atMost' | 'atLeast';
  readonly limit: number;
  readonly format: (value: number) => string;
  /** The measured value, or null when the run did not produce one (e.g. nothing finished). */
  readonly measure: (summary: RunSummary) => number | null;
}

/**
 * The learner's part of a setup: everything but the workload (the overload parts count only in
 * an overload challenge).
 */
export type SetupPart = Pick<
  RawScenario,
  | 'servers'
  | 'strategy'
  | 'strategyOptions'
  | 'cache'
  | 'autoscaling'
  | 'shedding'
  | 'contention'
  | 'resilience'
>;

/** An interview-style exercise the page checks by running it. */
export interface Challenge {
  readonly id: string;
  readonly title: string;
  /** The prompt, in paragraphs. */
  readonly brief: readonly string[];
  readonly workload: Workload;
  readonly constraints: readonly Constraint[];
  readonly goals: readonly Goal[];
  readonly hint: string;
  /** Loaded when the challenge starts; it does not pass. */
  readonly start: SetupPart;
  /** Loaded by "Show me"; it passes. */
  readonly solution: SetupPart;
  /** Why the solution works, said when it is loaded. */
  readonly solutionNote: string;
}

/** One constraint or goal after a check. */
export interface ItemResult {
  readonly id: string;
  readonly label: string;
  readonly target: string;
  readonly value: string;
  readonly pass: boolean;
}

export interface CheckResult {
  readonly pass: boolean;
  readonly constraints: readonly ItemResult[];
  readonly goals: readonly ItemResult[];
}
