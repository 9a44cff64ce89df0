import { burstsLesson } from './burstsLesson.ts';
import { cacheLesson } from './cacheLesson.ts';
import { capacityLesson } from './capacityLesson.ts';
import { classicLesson } from './classicLesson.ts';
import { failureLesson } from './failureLesson.ts';
import { kneeLesson } from './kneeLesson.ts';
import { metastabilityLesson } from './metastabilityLesson.ts';
import { powerOfTwoLesson } from './powerOfTwoLesson.ts';
import type { Lesson } from './types.ts';
import { unequalLesson } from './unequalLesson.ts';

/** The guided lessons, in the order the picker lists them (simplest first). */
export const LESSONS: readonly Lesson[] = [
  classicLesson,
  unequalLesson,
  burstsLesson,
  powerOfTwoLesson,
  kneeLesson,
  cacheLesson,
  failureLesson,
  metastabilityLesson,
  capacityLesson,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export { verdictOf, type Verdict } from './verdict.ts';
export type * from './types.ts';
