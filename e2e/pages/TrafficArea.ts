import type { Locator, Page } from '@playwright/test';

/** The traffic panel: bursts and the steady rate. */
export class TrafficArea {
  constructor(private readonly page: Page) {}

  get burstSize(): Locator {
    return this.page.getByTestId('traffic.burstSize');
  }

  get rate(): Locator {
    return this.page.getByTestId('traffic.rate');
  }

  /** Fires `size` requests at once. */
  async fireBurst(size: number): Promise<void> {
    await this.burstSize.fill(String(size));
    await this.page.getByTestId('traffic.fire').click();
  }

  /** Types a steady rate (requests per simulated second) and presses Enter. */
  async setRate(perSecond: number): Promise<void> {
    await this.rate.fill(String(perSecond));
    await this.rate.press('Enter');
  }
}
