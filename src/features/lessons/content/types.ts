import type { RawScenario } from '../../../engine/scenario/schema.ts';
import type { Scenario } from '../../../engine/scenario/types.ts';
import type { RunSummary } from '../../../engine/summary.ts';
import type { Speed } from '../../../worker/protocol.ts';

/** A finished run: what it measured and the setup it ran with. */
export interface RunRecord {
  readonly summary: RunSummary;
  readonly setup: Scenario;
}

/** The lesson's finished runs by scenario key; a key is absent until its run finished. */
export type LessonRuns = Readonly<Partial<Record<string, RunRecord>>>;

/** One answer of a prediction question. */
export interface Choice {
  readonly id: string;
  readonly label: string;
}

/** Loads one of the lesson's scenarios and describes it. */
export interface SetupStep {
  readonly kind: 'setup';
  readonly title: string;
  readonly text: readonly string[];
  readonly scenario: string;
}

/**
 * A multiple-choice question the learner answers before running. `outcome` reads the runs and
 * says which choice describes what actually happened (null until the runs it needs exist), so the
 * "right" answer always comes from the run, never from the lesson's expectations.
 */
export interface PredictStep {
  readonly kind: 'predict';
  readonly title: string;
  readonly question: string;
  readonly choices: readonly Choice[];
  readonly outcome: (runs: LessonRuns) => string | null;
}

/** Loads a scenario afresh and plays it to the end; `try` is the same, framed as an experiment. */
export interface RunStep {
  readonly kind: 'run' | 'try';
  readonly title: string;
  readonly text: readonly string[];
  readonly scenario: string;
  /** Simulated ms per real ms while the learner watches. */
  readonly speed: Speed;
}

/** Explains the runs in paragraphs computed from their numbers; `verdict` shows the prediction's. */
export interface ExplainStep {
  readonly kind: 'explain';
  readonly title: string;
  readonly verdict?: boolean;
  /** The runs this explanation reads; it asks for them to be run first while one is missing. */
  readonly needs: readonly string[];
  readonly explain: (runs: LessonRuns) => string[];
}

export type LessonStep = SetupStep | PredictStep | RunStep | ExplainStep;
export type StepKind = LessonStep['kind'];

/** A guided lesson: scenarios by key, and the steps that load, predict, run and explain them. */
export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly scenarios: Readonly<Record<string, RawScenario>>;
  readonly steps: readonly LessonStep[];
}
