import { expect, type Locator } from '@playwright/test';
import { ScreenArea } from './ScreenArea.ts';

/** The strategy editor (Custom strategy) and the strategy exercises. */
export class CustomStrategyArea extends ScreenArea {
  /** The editor's text area (CodeMirror, inside the editor's shadow root). */
  get editor(): Locator {
    return this.byId('strategy.editor');
  }

  /** What the sandbox said of the code: loads, its error and line, or why the run stopped. */
  get check(): Locator {
    return this.byId('strategy.check');
  }

  /** Chooses "Custom (your code)", which opens the editor. */
  async open(): Promise<void> {
    await this.byId('strategy.custom').check();
    await expect(this.editor).toBeVisible();
  }

  /**
   * Replaces the code as a paste does (typing would auto-close brackets, and Chromium's own
   * multi-line insertText edits the DOM with inline styles, which the page's CSP refuses).
   */
  async write(code: string, editor: Locator = this.editor): Promise<void> {
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await editor.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, code);
  }

  async run(): Promise<void> {
    await this.byId('strategy.run').click();
  }
}
