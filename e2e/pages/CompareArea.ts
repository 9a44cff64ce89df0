import type { Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** Compare mode: which strategies, the run, and the table of results. */
export class CompareArea extends ScreenArea {
  /** The checkbox that adds or removes `strategy` from the comparison. */
  strategy(strategy: string): Locator {
    return this.page.locator(`[data-testid="compare.strategy"][data-strategy="${strategy}"]`);
  }

  get table(): Locator {
    return this.byId('compare.table');
  }

  get workload(): Locator {
    return this.byId('compare.workload');
  }

  /** A cell of the results table: `row` (total, p99, spread…) for `strategy`. */
  cell(row: string, strategy: string): Locator {
    return this.page.locator(
      `[data-testid="compare.cell"][data-row="${row}"][data-strategy="${strategy}"]`,
    );
  }

  async run(): Promise<void> {
    await this.byId('compare.run').click();
  }
}
