import type { Locator, Page } from '@playwright/test';

/** The sweep panel: its form, Run and Stop, progress, the chart and the exports. */
export class SweepArea {
  constructor(private readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('sweep.panel');
  }

  get status(): Locator {
    return this.page.getByTestId('sweep.status');
  }

  get grid(): Locator {
    return this.page.getByTestId('sweep.grid');
  }

  get points(): Locator {
    return this.page.getByTestId('sweep.point');
  }

  /** The checkbox that adds or removes `strategy` from the sweep. */
  strategy(strategy: string): Locator {
    return this.page.locator(`[data-testid="sweep.strategy"][data-strategy="${strategy}"]`);
  }

  async preset(id: string): Promise<void> {
    await this.page.getByTestId('sweep.preset').selectOption(id);
  }

  /** Types into one of the form's fields (`sweep.list`, `sweep.duration`…) and commits it. */
  async fill(testId: string, text: string): Promise<void> {
    const field = this.page.getByTestId(testId);
    await field.fill(text);
    await field.press('Enter');
  }

  async run(): Promise<void> {
    await this.page.getByTestId('sweep.run').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('sweep.cancel').click();
  }

  export(kind: 'file' | 'csv' | 'json'): Locator {
    return this.page.getByTestId(`sweep.export-${kind}`);
  }
}
