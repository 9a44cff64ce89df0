import type { Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The sweep panel: its form, Run and Stop, progress, the chart and the exports. */
export class SweepArea extends ScreenArea {
  get panel(): Locator {
    return this.byId('sweep.panel');
  }

  get status(): Locator {
    return this.byId('sweep.status');
  }

  get grid(): Locator {
    return this.byId('sweep.grid');
  }

  get points(): Locator {
    return this.byId('sweep.point');
  }

  /** The checkbox that adds or removes `strategy` from the sweep. */
  strategy(strategy: string): Locator {
    return this.page.locator(`[data-testid="sweep.strategy"][data-strategy="${strategy}"]`);
  }

  async preset(id: string): Promise<void> {
    await this.byId('sweep.preset').selectOption(id);
  }

  /** Types into one of the form's fields (`sweep.list`, `sweep.duration`…) and commits it. */
  async fill(testId: string, text: string): Promise<void> {
    const field = this.byId(testId);
    await field.fill(text);
    await field.press('Enter');
  }

  async run(): Promise<void> {
    await this.byId('sweep.run').click();
  }

  async cancel(): Promise<void> {
    await this.byId('sweep.cancel').click();
  }

  export(kind: 'file' | 'csv' | 'json'): Locator {
    return this.byId(`sweep.export-${kind}`);
  }
}
