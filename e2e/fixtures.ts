import { test as base, expect, type Page } from '@playwright/test';

/** Drives the playground by its test ids, the way a person would use it. */
export class Playground {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning')
        this.errors.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.errors.push(`pageerror: ${err.message}`));
  }

  /** Opens the page with animation off and waits until the simulation answers. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./?motion=0${query}`);
    await expect(this.page.getByTestId('clock')).toBeVisible();
    await expect(this.page.getByTestId('server.row').first()).toBeVisible();
  }

  byId(id: string) {
    return this.page.getByTestId(id);
  }

  server(name: string) {
    return this.page.locator(`[data-testid="server.row"][data-name="${name}"]`);
  }

  loadBar(name: string) {
    return this.page.locator(`[data-testid="load.bar"][data-name="${name}"]`);
  }

  async play(): Promise<void> {
    const button = this.byId('controls.play');
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  async pause(): Promise<void> {
    const button = this.byId('controls.play');
    if ((await button.getAttribute('aria-pressed')) === 'true') await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
  }

  /** The number shown in an element whose text is a count like "1,234". */
  async count(id: string): Promise<number> {
    const text = (await this.byId(id).first().textContent()) ?? '';
    const match = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
    return match ? Number(match[0]) : NaN;
  }

  async fireBurst(size: number): Promise<void> {
    await this.byId('traffic.burstSize').fill(String(size));
    await this.byId('traffic.fire').click();
  }
}

export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use) => {
    const playground = new Playground(page);
    await use(playground);
    // Every test doubles as a check that the page logged no errors or warnings.
    expect(playground.errors).toEqual([]);
  },
});

export { expect };
