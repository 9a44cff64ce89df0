import { create } from 'zustand';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import {
  challengeById,
  challengeScenario,
  evaluate,
  imposeWorkload,
  type CheckResult,
} from '../features/challenges/content/index.ts';
import { lessonById, type RunRecord } from '../features/lessons/content/index.ts';
import { runScenario, type RunHost, type RunOutcome } from '../features/lessons/content/runScenario.ts';
import type { Speed } from '../worker/protocol.ts';
import { usePlayground } from './playgroundStore.ts';

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

/** A scripted run in progress: which, and how far (simulated ms). */
export interface RunningState {
  readonly owner: 'lesson' | 'challenge';
  readonly key: string;
  readonly now: number;
  readonly end: number;
}

export interface LearnState {
  readonly lessonsOpen: boolean;
  readonly challengesOpen: boolean;
  readonly lesson: LessonProgress | null;
  readonly challenge: ChallengeProgress | null;
  readonly running: RunningState | null;
  /** Why the last scripted run stopped early, if it did. */
  readonly runError: string | null;

  setLessonsOpen(open: boolean): void;
  setChallengesOpen(open: boolean): void;
  /** Starts a lesson from its first step and loads its first setup. */
  startLesson(id: string): Promise<void>;
  leaveLesson(): void;
  goToStep(step: number): void;
  choose(choice: string): void;
  /** Loads one of the lesson's scenarios without running it. */
  loadLessonSetup(key: string): Promise<void>;
  /** Loads a lesson scenario afresh and plays it to the end at `speed`. */
  runLesson(key: string, speed: Speed): Promise<void>;
  /** Plays the run in progress at full speed. */
  skipToEnd(): Promise<void>;
  stopRun(): void;
  /** Opens a challenge and loads its starting setup. */
  startChallenge(id: string): Promise<void>;
  leaveChallenge(): void;
  /** Runs the current setup under the challenge's workload and judges it. */
  checkChallenge(): Promise<void>;
  showHint(): void;
  /** Loads the challenge's solution. */
  showSolution(): Promise<void>;
}

/** The playground store as the scripted runs drive it. */
const host: RunHost = {
  getState: () => usePlayground.getState(),
  subscribe: (listener) => usePlayground.subscribe(() => listener()),
};

let controller: AbortController | null = null;

/** Lesson and challenge progress, apart from the playground store (it only drives its actions). */
export const useLearn = create<LearnState>()((set, get) => {
  /** Runs one scenario at a time: a new run stops the one before. */
  async function scripted(
    owner: RunningState['owner'],
    key: string,
    raw: Parameters<typeof runScenario>[1],
    label: string,
    speed: Speed,
  ): Promise<RunOutcome> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    set({ running: { owner, key, now: 0, end: 0 }, runError: null });
    const outcome = await runScenario(host, raw, {
      label,
      speed,
      signal: mine.signal,
      onProgress: (now, end) => set({ running: { owner, key, now, end } }),
    });
    if (controller === mine) {
      controller = null;
      set({ running: null, runError: outcome.ok ? null : outcome.reason });
    }
    return outcome;
  }

  const lessonNow = () => {
    const progress = get().lesson;
    return progress ? { progress, lesson: lessonById(progress.id) } : null;
  };

  return {
    lessonsOpen: false,
    challengesOpen: false,
    lesson: null,
    challenge: null,
    running: null,
    runError: null,

    setLessonsOpen: (open) => set({ lessonsOpen: open }),
    setChallengesOpen: (open) => set({ challengesOpen: open }),

    async startLesson(id) {
      const lesson = lessonById(id);
      if (!lesson) return;
      get().stopRun();
      set({ lesson: { id, step: 0, choice: null, runs: {} }, lessonsOpen: true, runError: null });
      const first = lesson.steps[0];
      if (first?.kind === 'setup') await get().loadLessonSetup(first.scenario);
    },
    leaveLesson() {
      if (get().running?.owner === 'lesson') get().stopRun();
      set({ lesson: null });
    },
    goToStep(step) {
      const now = lessonNow();
      if (!now?.lesson || step < 0 || step >= now.lesson.steps.length) return;
      set({ lesson: { ...now.progress, step } });
    },
    choose(choice) {
      const now = lessonNow();
      // A prediction is made before the run: once a run finished it is locked in.
      if (!now || Object.keys(now.progress.runs).length > 0) return;
      set({ lesson: { ...now.progress, choice } });
    },
    async loadLessonSetup(key) {
      const now = lessonNow();
      const raw = now?.lesson?.scenarios[key];
      if (!raw) return;
      await usePlayground.getState().loadScenario(raw, `Lesson: ${now.lesson!.title}`);
    },
    async runLesson(key, speed) {
      const now = lessonNow();
      const raw = now?.lesson?.scenarios[key];
      if (!now || !raw) return;
      const outcome = await scripted('lesson', key, raw, `Lesson: ${now.lesson!.title}`, speed);
      const after = get().lesson;
      if (!outcome.ok || after?.id !== now.progress.id) return;
      set({ lesson: { ...after, runs: { ...after.runs, [key]: outcome.record } } });
    },
    async skipToEnd() {
      // 1000x rather than "max": at max an idle stretch before the run's end passes in real time.
      if (get().running) await usePlayground.getState().setSpeed(1000);
    },
    stopRun() {
      controller?.abort();
      controller = null;
      set({ running: null });
    },

    async startChallenge(id) {
      const challenge = challengeById(id);
      if (!challenge) return;
      get().stopRun();
      set({
        challenge: { id, result: null, hintShown: false, solutionLoaded: false },
        challengesOpen: true,
        runError: null,
      });
      await usePlayground
        .getState()
        .loadScenario(
          challengeScenario(challenge, challenge.start),
          `Challenge: ${challenge.title}`,
        );
    },
    leaveChallenge() {
      if (get().running?.owner === 'challenge') get().stopRun();
      set({ challenge: null });
    },
    async checkChallenge() {
      const progress = get().challenge;
      const challenge = progress && challengeById(progress.id);
      const setup = usePlayground.getState().snapshot?.setup;
      if (!progress || !challenge || !setup) return;
      const raw = imposeWorkload(serializeScenario(setup), challenge);
      const outcome = await scripted('challenge', challenge.id, raw, 'Your setup', 'max');
      const after = get().challenge;
      if (!outcome.ok || after?.id !== challenge.id) return;
      const { setup: ran, summary } = outcome.record;
      set({ challenge: { ...after, result: evaluate(challenge, ran, summary) } });
    },
    showHint() {
      const progress = get().challenge;
      if (progress) set({ challenge: { ...progress, hintShown: true } });
    },
    async showSolution() {
      const progress = get().challenge;
      const challenge = progress && challengeById(progress.id);
      if (!progress || !challenge) return;
      get().stopRun();
      const raw = challengeScenario(challenge, challenge.solution);
      const ok = await usePlayground.getState().loadScenario(raw, 'The solution');
      const after = get().challenge;
      if (ok && after?.id === challenge.id)
        set({ challenge: { ...after, solutionLoaded: true, result: null } });
    },
  };
});
