import type { Locator, Page } from '@playwright/test';

/** What every page object shares: the page it drives, and its elements found by test id. */
export abstract class ScreenArea {
  constructor(protected readonly page: Page) {}

  protected byId(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
}
