import type { Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The traffic panel: bursts, the steady rate, and traffic over the day. */
export class TrafficArea extends ScreenArea {
  get burstSize(): Locator {
    return this.byId('traffic.burstSize');
  }

  get rate(): Locator {
    return this.byId('traffic.rate');
  }

  /** Fires `size` requests at once. */
  async fireBurst(size: number): Promise<void> {
    await this.burstSize.fill(String(size));
    await this.byId('traffic.fire').click();
  }

  /** Imports a CSV trace (name and text) through the "Import CSV trace…" file input. */
  async importTrace(name: string, text: string): Promise<void> {
    const section = this.byId('traffic.overTheDay');
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    await this.byId('traffic.traceFile').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
  }

  /** The scenario's traffic entries as the panel lists them. */
  get segments(): Locator {
    return this.byId('traffic.segments').locator('li');
  }

  /** Types a steady rate (requests per simulated second) and presses Enter. */
  async setRate(perSecond: number): Promise<void> {
    await this.rate.fill(String(perSecond));
    await this.rate.press('Enter');
  }
}
