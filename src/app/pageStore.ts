/**
 * The page's composition root: the one store, built with the worker client, the browser's
 * storage and address bar, and the learning content (loaded when a learning panel opens).
 */
import { createAppStore, type AppStore } from '../store/createAppStore.ts';
import type { LearnCatalog } from '../store/learnSlice.ts';
import { browserPage } from '../store/page.ts';
import { SimClient } from '../worker/simClient.ts';
import type { SweepRunner } from '../worker/sweepClient.ts';

/** Lessons and challenges are read only once a learning panel is opened. */
async function loadLearning(): Promise<LearnCatalog> {
  const [lessons, challenges] = await Promise.all([
    import('../features/lessons/content/index.ts'),
    import('../features/challenges/content/index.ts'),
  ]);
  return {
    lessonById: lessons.lessonById,
    challengeById: challenges.challengeById,
    challengeScenario: challenges.challengeScenario,
    imposeWorkload: challenges.imposeWorkload,
    evaluate: challenges.evaluate,
  };
}

/** The sweep workers' code is loaded, and the pool started, when the first sweep runs. */
let sweepPool: Promise<SweepRunner> | null = null;
function startSweepPool(): Promise<SweepRunner> {
  sweepPool ??= import('../worker/sweepClient.ts').then(
    ({ SweepPool, sweepWorkerCount }) =>
      new SweepPool(sweepWorkerCount(navigator.hardwareConcurrency)),
  );
  return sweepPool;
}

/** The store the page runs on (main.tsx makes one and provides it to the components). */
export function createPageStore(): AppStore {
  return createAppStore({
    connect: (onCrash) => new SimClient(onCrash),
    page: browserPage,
    learning: loadLearning,
    nextFrame: (callback) => requestAnimationFrame(callback),
    sweepRunner: startSweepPool,
  });
}
