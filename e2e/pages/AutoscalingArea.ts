import { expect, type Locator, type Page } from '@playwright/test';

/** The Autoscaling panel and the servers-over-time chart. */
export class AutoscalingArea {
  /** Counts of the record already gone through by `waitForActual`; null when not recording. */
  private recorded: number | null = null;

  constructor(private readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('autoscaling.panel');
  }

  get enabled(): Locator {
    return this.page.getByTestId('autoscaling.enabled');
  }

  get reason(): Locator {
    return this.page.getByTestId('autoscaling.reason');
  }

  /** The count the autoscaler manages now (servers in the pool and starting). */
  async actual(): Promise<number> {
    return Number(await this.page.getByTestId('autoscaling.actual').getAttribute('data-value'));
  }

  /** The count the policy recommended at its last sync. */
  async recommended(): Promise<number> {
    return Number(
      await this.page.getByTestId('autoscaling.recommended').getAttribute('data-value'),
    );
  }

  /**
   * From now on, keeps every managed count the panel shows, in order: at "max" a simulated day's
   * peak can come and go between two looks of `waitForActual`, which then reads this record.
   */
  async recordActual(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { actualSeen: number[] }).actualSeen = seen;
      const read = () => {
        const el = document.querySelector('[data-testid="autoscaling.actual"]');
        const value = Number(el?.getAttribute('data-value'));
        if (el && seen.at(-1) !== value) seen.push(value);
      };
      read();
      new MutationObserver(read).observe(document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-value'],
      });
    });
    this.recorded = 0;
  }

  /**
   * Waits until the managed count satisfies `test` (the run goes on meanwhile): the count shown
   * now, or, after `recordActual`, the first such count shown since the last wait.
   */
  async waitForActual(test: (n: number) => boolean, timeout: number): Promise<number> {
    let seen = NaN;
    await expect
      .poll(
        async () => {
          if (this.recorded === null) {
            seen = await this.actual();
            return test(seen);
          }
          const record = await this.page.evaluate(
            () => (window as unknown as { actualSeen: number[] }).actualSeen,
          );
          for (; this.recorded < record.length; this.recorded++) {
            seen = record[this.recorded]!;
            if (test(seen)) {
              this.recorded++;
              return true;
            }
          }
          return false;
        },
        { timeout, intervals: [250] },
      )
      .toBe(true);
    return seen;
  }
}
