import type { Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The guided lessons and the interview challenges. */
export class LearnArea extends ScreenArea {
  // ---- Lessons ----

  /** Opens the lessons panel. */
  async openLessons(): Promise<void> {
    await this.byId('lesson.toggle').click();
  }

  get lessonPicker(): Locator {
    return this.byId('lesson.picker');
  }

  async startLesson(id: string): Promise<void> {
    await this.page.locator(`[data-testid="lesson.start"][data-lesson="${id}"]`).click();
  }

  /** The current step (its `data-step-kind` says setup, predict, run or explain). */
  get step(): Locator {
    return this.byId('lesson.step');
  }

  async next(): Promise<void> {
    await this.byId('lesson.next').click();
  }

  async back(): Promise<void> {
    await this.byId('lesson.back').click();
  }

  /** A prediction's radio button. */
  choice(id: string): Locator {
    return this.page.locator(`[data-testid="lesson.choice"][data-choice="${id}"]`);
  }

  async runLesson(): Promise<void> {
    await this.byId('lesson.run').click();
  }

  get runResult(): Locator {
    return this.byId('lesson.runResult');
  }

  get verdict(): Locator {
    return this.byId('lesson.verdict');
  }

  get explanation(): Locator {
    return this.byId('lesson.explanation');
  }

  // ---- Challenges ----

  async openChallenges(): Promise<void> {
    await this.byId('challenge.toggle').click();
  }

  get challengePicker(): Locator {
    return this.byId('challenge.picker');
  }

  async startChallenge(id: string): Promise<void> {
    await this.page.locator(`[data-testid="challenge.start"][data-challenge="${id}"]`).click();
  }

  async check(): Promise<void> {
    await this.byId('challenge.check').click();
  }

  /** The verdict of the last check (`data-outcome` pass or fail). */
  get result(): Locator {
    return this.byId('challenge.result');
  }

  goal(id: string): Locator {
    return this.page.locator(`[data-testid="challenge.goal"][data-goal="${id}"]`);
  }

  constraint(id: string): Locator {
    return this.page.locator(`[data-testid="challenge.constraint"][data-constraint="${id}"]`);
  }

  async showHint(): Promise<void> {
    await this.byId('challenge.hint').click();
  }

  get hintText(): Locator {
    return this.byId('challenge.hintText');
  }

  /** "Show me": loads the challenge's solution. */
  async showMe(): Promise<void> {
    await this.byId('challenge.showMe').click();
  }

  get solution(): Locator {
    return this.byId('challenge.solution');
  }
}
