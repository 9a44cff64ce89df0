import { expect, type Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The toolbar's run controls: play, pause, step, speed, reset, and the simulated clock. */
export class RunControls extends ScreenArea {
  get playButton(): Locator {
    return this.byId('controls.play');
  }

  /** The simulated clock ("12.402 s"). */
  get clock(): Locator {
    return this.byId('clock');
  }

  /**
   * Plays (if not playing) and waits until the button says so, or until the run has already
   * paused itself at its end (a short run at a high speed is over before the button updates).
   */
  async play(): Promise<void> {
    const pressed = this.page.locator('[data-testid="controls.play"][aria-pressed="true"]');
    const over = this.byId('clock.finished').filter({ hasText: 'paused' });
    let first = true;
    // A button that still says "playing" may be a run that has just paused itself at the end of
    // its traffic (the page learns it a frame later): then it is pressed again, unless the run
    // is over (the first press plays on a run that was over, as a person's would).
    await expect(async () => {
      const playing = (await this.playButton.getAttribute('aria-pressed')) === 'true';
      if (!playing && (first || (await over.count()) === 0)) await this.playButton.click();
      first = false;
      await expect(pressed.or(over).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }

  /** Pauses (if playing) and waits until the button says so. */
  async pause(): Promise<void> {
    if ((await this.playButton.getAttribute('aria-pressed')) === 'true')
      await this.playButton.click();
    await expect(this.playButton).toHaveAttribute('aria-pressed', 'false');
  }

  /** Speed: "0.1" to "1000" (times real time) or "max". */
  async speed(value: string): Promise<void> {
    await this.byId('controls.speed').selectOption(value);
  }

  /** Runs the single next event. */
  async step(): Promise<void> {
    await this.byId('controls.step').click();
  }

  /** Runs `ms` of simulated time. */
  async stepBy(ms: number): Promise<void> {
    await this.byId('controls.stepMs').fill(String(ms));
    await this.byId('controls.stepBy').click();
  }

  /** Back to time 0 with the current setup. */
  async reset(): Promise<void> {
    await this.byId('controls.reset').click();
  }

  /**
   * Clicks play/pause inside the page and returns the milliseconds until the button shows the
   * worker's answer (it follows the worker's snapshot, not the click), timed with the page's own
   * clock so Playwright's latency is not counted.
   */
  async timedToggle(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const button = document.querySelector('[data-testid="controls.play"]')!;
          const before = button.getAttribute('aria-pressed');
          const started = performance.now();
          new MutationObserver(() => {
            if (button.getAttribute('aria-pressed') !== before)
              resolve(performance.now() - started);
          }).observe(button, { attributes: true });
          (button as HTMLButtonElement).click();
        }),
    );
  }

  /** The clock's reading in simulated seconds. */
  async simSeconds(): Promise<number> {
    return Number(((await this.clock.textContent()) ?? '').replace(/[^\d.]/g, ''));
  }

  /** Lets the run go on for `seconds` of simulated time. */
  async runFor(seconds: number): Promise<void> {
    const until = (await this.simSeconds()) + seconds;
    await expect.poll(() => this.simSeconds()).toBeGreaterThanOrEqual(until);
  }
}
