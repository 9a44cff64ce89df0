import type { RawScenario } from '../engine/scenario/schema.ts';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import type { RunSummary } from '../engine/summary.ts';
import type { Challenge, CheckResult, SetupPart } from '../features/challenges/content/index.ts';
import type { Lesson, RunRecord } from '../features/lessons/content/index.ts';
import type { RunToEndOutcome, Speed } from '../worker/protocol.ts';
import { trackJob, type JobState } from './jobTracking.ts';
import type { SimLink } from './simLink.ts';
import type { AppState } from './types.ts';

/** Where the learner is in a lesson. */
export interface LessonProgress {
  readonly id: string;
  readonly step: number;
  /** The prediction picked, or null. */
  readonly choice: string | null;
  /** Finished runs by scenario key. */
  readonly runs: Readonly<Record<string, RunRecord>>;
}

export interface ChallengeProgress {
  readonly id: string;
  readonly result: CheckResult | null;
  readonly hintShown: boolean;
  /** "Show me" loaded the solution (and nothing else was loaded by the challenge since). */
  readonly solutionLoaded: boolean;
}

/** A lesson run or a challenge check under way in the worker: whose, and how far it has got. */
export interface RunningState {
  readonly owner: 'lesson' | 'challenge';
  readonly key: string;
  readonly job: JobState;
}

/**
 * What the learn slice needs of the lessons and challenges. The features own that content; the
 * page's composition root (main.tsx) loads it on demand and hands it over, so the store depends on
 * its types only.
 */
export interface LearnCatalog {
  lessonById(id: string): Lesson | undefined;
  challengeById(id: string): Challenge | undefined;
  /** A challenge's starting point or solution as a complete scenario file. */
  challengeScenario(challenge: Challenge, part: SetupPart): RawScenario;
  /** The learner's setup under the challenge's fixed workload, as a check runs it. */
  imposeWorkload(setup: RawScenario, challenge: Challenge): RawScenario;
  evaluate(challenge: Challenge, setup: Scenario, summary: RunSummary): CheckResult;
}

export interface LearnState {
  readonly lessonsOpen: boolean;
  readonly challengesOpen: boolean;
  readonly lesson: LessonProgress | null;
  readonly challenge: ChallengeProgress | null;
  readonly running: RunningState | null;
  /** Why the last run or check stopped early, if it did. */
  readonly runError: string | null;

  setLessonsOpen(open: boolean): void;
  setChallengesOpen(open: boolean): void;
  /** Starts a lesson from its first step and loads its first setup. */
  startLesson(id: string): Promise<void>;
  /** Leaves the lesson; the speed the learner had before it is put back. */
  leaveLesson(): void;
  goToStep(step: number): void;
  choose(choice: string): void;
  /** Loads one of the lesson's scenarios without running it. */
  loadLessonSetup(key: string): Promise<void>;
  /**
   * Runs a lesson scenario headless to its end for the numbers the lesson explains, and plays the
   * same scenario (same seed, so the same run) in the playground at `speed` to watch.
   */
  runLesson(key: string, speed: Speed): Promise<void>;
  /** Plays the watched run at 1000x, so it reaches its end at once. */
  skipToEnd(): Promise<void>;
  /** Cancels the lesson run or challenge check under way. */
  stopRun(): void;
  /** Opens a challenge and loads its starting setup. */
  startChallenge(id: string): Promise<void>;
  leaveChallenge(): void;
  /** Runs the current setup under the challenge's workload, headless, and judges it. */
  checkChallenge(): Promise<void>;
  showHint(): void;
  /** Loads the challenge's solution. */
  showSolution(): Promise<void>;
}

/** What the learn slice needs from the store around it. */
export interface LearnHost {
  readonly get: () => AppState;
  readonly set: (fn: (state: AppState) => Partial<AppState>) => void;
  readonly link: SimLink;
  /** Loads the lessons and challenges (once; later calls return the same content). */
  readonly catalog: () => Promise<LearnCatalog>;
}

/** The learn slice: lesson and challenge progress; runs and checks go headless to the worker. */
export function learnSlice({ get, set, link, catalog }: LearnHost): LearnState {
  const patch = (p: Partial<LearnState>) => set((s) => ({ learn: { ...s.learn, ...p } }));
  const mine = () => get().learn;
  /** The catalog once loaded (every action that needs it synchronously comes after a load). */
  let loaded: LearnCatalog | null = null;
  const load = async () => (loaded ??= await catalog());
  /** The learner's speed before the lesson's first run, put back when they leave the lesson. */
  let speedBefore: Speed | null = null;

  /** The id of the run or check under way; progress of any other job is stale. */
  let current: number | null = null;

  /** Runs a scenario headless to its end; a new run cancels the one before. */
  async function headless(
    owner: RunningState['owner'],
    key: string,
    raw: RawScenario,
  ): Promise<RunToEndOutcome> {
    mine().stopRun();
    patch({ runError: null });
    let mineId: number | null = null;
    const outcome = await trackJob<RunToEndOutcome>(
      link,
      (id, api) => api.runToEnd(id, raw),
      (job) => {
        if (mineId === null) mineId = current = job.id;
        if (job.id === current) patch({ running: { owner, key, job } });
      },
    );
    if (mineId !== null && mineId === current) {
      current = null;
      patch({ running: null, runError: outcome.ok ? null : outcome.message });
    }
    return outcome;
  }

  const lessonNow = () => {
    const progress = mine().lesson;
    const lesson = progress && loaded?.lessonById(progress.id);
    return progress && lesson ? { progress, lesson } : null;
  };

  const challengeNow = () => {
    const progress = mine().challenge;
    const challenge = progress && loaded?.challengeById(progress.id);
    return progress && challenge ? { progress, challenge } : null;
  };

  return {
    lessonsOpen: false,
    challengesOpen: false,
    lesson: null,
    challenge: null,
    running: null,
    runError: null,

    setLessonsOpen: (open) => patch({ lessonsOpen: open }),
    setChallengesOpen: (open) => patch({ challengesOpen: open }),

    async startLesson(id) {
      const lesson = (await load()).lessonById(id);
      if (!lesson) return;
      mine().stopRun();
      patch({ lesson: { id, step: 0, choice: null, runs: {} }, lessonsOpen: true, runError: null });
      const first = lesson.steps[0];
      if (first?.kind === 'setup') await mine().loadLessonSetup(first.scenario);
    },
    leaveLesson() {
      if (mine().running?.owner === 'lesson') mine().stopRun();
      patch({ lesson: null });
      if (speedBefore !== null) void get().setSpeed(speedBefore);
      speedBefore = null;
    },
    goToStep(step) {
      const now = lessonNow();
      if (!now || step < 0 || step >= now.lesson.steps.length) return;
      patch({ lesson: { ...now.progress, step } });
    },
    choose(choice) {
      const now = lessonNow();
      // A prediction is made before the run: once a run finished it is locked in.
      if (!now || Object.keys(now.progress.runs).length > 0) return;
      patch({ lesson: { ...now.progress, choice } });
    },
    async loadLessonSetup(key) {
      const now = lessonNow();
      const raw = now?.lesson.scenarios[key];
      if (!now || !raw) return;
      await get().loadScenario(raw, `Lesson: ${now.lesson.title}`);
    },
    async runLesson(key, speed) {
      const now = lessonNow();
      const raw = now?.lesson.scenarios[key];
      if (!now || !raw) return;
      // The playground shows the same run (same setup and seed) at the lesson's speed to watch.
      if (!(await get().loadScenario(raw, `Lesson: ${now.lesson.title}`))) {
        patch({ runError: `Lesson: ${now.lesson.title} could not be loaded.` });
        return;
      }
      speedBefore ??= get().snapshot?.speed ?? 1;
      await get().setSpeed(speed);
      await get().play();
      const outcome = await headless('lesson', key, raw);
      const after = mine().lesson;
      if (!outcome.ok || after?.id !== now.progress.id) return;
      const record: RunRecord = { summary: outcome.summary, setup: outcome.setup };
      patch({ lesson: { ...after, runs: { ...after.runs, [key]: record } } });
    },
    async skipToEnd() {
      // 1000x rather than "max": at max an idle stretch before the run's end passes in real time.
      await get().setSpeed(1000);
    },
    stopRun() {
      const id = current;
      current = null;
      if (mine().running !== null) patch({ running: null });
      if (id !== null) void link.call((api) => api.cancelJob(id)).catch(() => undefined);
    },

    async startChallenge(id) {
      const cat = await load();
      const challenge = cat.challengeById(id);
      if (!challenge) return;
      mine().stopRun();
      patch({
        challenge: { id, result: null, hintShown: false, solutionLoaded: false },
        challengesOpen: true,
        runError: null,
      });
      const raw = cat.challengeScenario(challenge, challenge.start);
      await get().loadScenario(raw, `Challenge: ${challenge.title}`);
    },
    leaveChallenge() {
      if (mine().running?.owner === 'challenge') mine().stopRun();
      patch({ challenge: null });
    },
    async checkChallenge() {
      const now = challengeNow();
      const setup = get().snapshot?.setup;
      if (!now || !setup || !loaded) return;
      const { challenge } = now;
      const raw = loaded.imposeWorkload(serializeScenario(setup), challenge);
      const outcome = await headless('challenge', challenge.id, raw);
      const after = mine().challenge;
      if (!outcome.ok || after?.id !== challenge.id) return;
      const result = loaded.evaluate(challenge, outcome.setup, outcome.summary);
      patch({ challenge: { ...after, result } });
    },
    showHint() {
      const progress = mine().challenge;
      if (progress) patch({ challenge: { ...progress, hintShown: true } });
    },
    async showSolution() {
      const now = challengeNow();
      if (!now || !loaded) return;
      const { challenge } = now;
      mine().stopRun();
      const raw = loaded.challengeScenario(challenge, challenge.solution);
      const ok = await get().loadScenario(raw, 'The solution');
      const after = mine().challenge;
      if (ok && after?.id === challenge.id)
        patch({ challenge: { ...after, solutionLoaded: true, result: null } });
    },
  };
}
