import type { Page } from '@playwright/test';
import { SCALING_PANELS, seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

const LIGHT_BG = 'rgb(245, 247, 250)';
const DARK_BG = 'rgb(15, 20, 25)';

test('the dark theme follows the system, and the toggle overrides it and is remembered', async ({
  playground,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await playground.open();
  const toggle = playground.byId('theme.toggle');
  expect(await background(page)).toBe(DARK_BG);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  // Chosen by hand: it wins over the system's scheme, also after a reload.
  await toggle.click();
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.reload();
  await expect(playground.controls.clock).toBeVisible();
  expect(await background(page)).toBe(DARK_BG);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The T key switches back.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('t');
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
});

test('no serious accessibility problems in either theme, with the guide and a run on screen', async ({
  playground,
  page,
}) => {
  // Three scans of the whole page (a few seconds each idle, many times that on a busy machine).
  test.setTimeout(120_000);
  await playground.open('', { guide: true });
  await expect(playground.byId('guide')).toBeVisible();
  await playground.controls.speed('max');
  await playground.controls.play();
  await expect(playground.summary.stat('served')).toHaveText('9');
  await expect(playground.byId('clock.finished')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await playground.byId('theme.toggle').click();
  await expect.poll(() => background(page)).toBe(DARK_BG);
  expect(await seriousViolations(page)).toEqual([]);

  // The shortcut list, in the dark.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  await expect(playground.byId('shortcuts')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the autoscaling panels, at work, keep their contrast in the dark theme', async ({
  playground,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await playground.autoscalingAtWork();
  expect(await background(page)).toBe(DARK_BG);
  expect(await seriousViolations(page, SCALING_PANELS)).toEqual([]);
  // The fleet chart draws in the theme's colours, not the light page's ink.
  const stroke = await page
    .getByTestId('autoscaling.fleetChart')
    .locator('path.chart-line')
    .first()
    .evaluate((el) => getComputedStyle(el).stroke);
  expect(stroke).toBe('rgb(230, 237, 243)');
});
