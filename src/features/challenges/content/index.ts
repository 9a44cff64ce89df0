import { burstChallenge } from './burstChallenge.ts';
import { cacheChallenge } from './cacheChallenge.ts';
import { dailyPeakChallenge } from './dailyPeakChallenge.ts';
import { p99Challenge } from './p99Challenge.ts';
import { spikeChallenge } from './spikeChallenge.ts';
import { spreadChallenge } from './spreadChallenge.ts';
import { stormChallenge } from './stormChallenge.ts';
import type { Challenge } from './types.ts';

/** The interview practice challenges, in the order the picker lists them. */
export const CHALLENGES: readonly Challenge[] = [
  p99Challenge,
  cacheChallenge,
  burstChallenge,
  spreadChallenge,
  stormChallenge,
  dailyPeakChallenge,
  spikeChallenge,
];

export function challengeById(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

export { challengeScenario, checkName, evaluate, goalTarget, imposeWorkload } from './evaluate.ts';
export type * from './types.ts';
