import type { Locator, Page } from '@playwright/test';

/** The run summary's figures, by name: served, rejected, failed, total, inFlight, max… */
export class SummaryArea {
  constructor(private readonly page: Page) {}

  stat(name: string): Locator {
    return this.page.getByTestId(`summary.${name}`);
  }

  /** The figure as a number ("1,234" is 1234); NaN when it shows none. */
  async count(name: string): Promise<number> {
    const text = (await this.stat(name).first().textContent()) ?? '';
    const match = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
    return match ? Number(match[0]) : NaN;
  }
}
