// Scratch (not committed): screenshots of the page with a preset, at max speed.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';
const preset = process.argv[2] ?? 'morning-peak';
const waitMs = Number(process.argv[3] ?? 8000);
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1500, height: 2600 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(`http://127.0.0.1:4391/?preset=${preset}&motion=0`);
await page.waitForSelector('[data-testid="autoscaling.panel"]', { timeout: 20000 }).catch(() => console.log('no autoscaling panel'));
const speed = page.locator('[data-testid="controls.speed"]');
if (await speed.count()) await speed.selectOption('max').catch(() => {});
await page.locator('[data-testid="controls.play"]').click().catch(() => console.log('no play'));
await page.waitForTimeout(waitMs);
await page.screenshot({ path: `/tmp/exp/shots/${preset}.png`, fullPage: false });
console.log(await page.locator('[data-testid="autoscaling.reason"]').textContent().catch(() => 'none'));
await browser.close();
