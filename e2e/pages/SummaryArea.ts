import type { Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The run summary's figures, by name: served, rejected, failed, total, inFlight, max… */
export class SummaryArea extends ScreenArea {
  stat(name: string): Locator {
    return this.byId(`summary.${name}`);
  }

  /** The figure as a number ("1,234" is 1234); NaN when it shows none. */
  async count(name: string): Promise<number> {
    const text = (await this.stat(name).first().textContent()) ?? '';
    const match = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
    return match ? Number(match[0]) : NaN;
  }
}
