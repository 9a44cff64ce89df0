import { expect, type Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The Autoscaling panel and the servers-over-time chart. */
export class AutoscalingArea extends ScreenArea {
  get panel(): Locator {
    return this.byId('autoscaling.panel');
  }

  get enabled(): Locator {
    return this.byId('autoscaling.enabled');
  }

  get reason(): Locator {
    return this.byId('autoscaling.reason');
  }

  /** The count the autoscaler manages now (servers in the pool and starting). */
  async actual(): Promise<number> {
    return Number(await this.byId('autoscaling.actual').getAttribute('data-value'));
  }

  /** The count the policy recommended at its last sync. */
  async recommended(): Promise<number> {
    return Number(await this.byId('autoscaling.recommended').getAttribute('data-value'));
  }

  /** Waits until the managed count satisfies `test` (the run goes on meanwhile). */
  async waitForActual(test: (n: number) => boolean, timeout: number): Promise<number> {
    let seen = NaN;
    await expect
      .poll(
        async () => {
          seen = await this.actual();
          return test(seen);
        },
        { timeout, intervals: [250] },
      )
      .toBe(true);
    return seen;
  }
}
