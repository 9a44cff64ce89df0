import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Downloads the chart whose frame holds `inside` in `format`; returns the file's bytes. */
async function download(page: Page, chart: ReturnType<Page['locator']>, format: 'svg' | 'png') {
  await chart.getByTestId('chart.download').click();
  const file = page.waitForEvent('download');
  await chart.getByTestId(`chart.download.${format}`).click();
  const done = await file;
  return { name: done.suggestedFilename(), bytes: await readFile((await done.path())!) };
}

test('a chart and the flow picture download as standalone SVG and PNG', async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.controls.play();
  await expect(playground.byId('clock.finished')).toBeVisible();

  const outcomes = page.locator('.outcomes-panel');
  const svg = await download(page, outcomes, 'svg');
  expect(svg.name).toBe('outcomes-over-time.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(text).toContain('Outcomes over time');
  expect(text).toContain('served');
  // Stands alone: the theme's colours are written in, not left as CSS variables.
  expect(text).not.toContain('var(--');
  expect(text).toMatch(/stroke="rgb\(/);

  const png = await download(page, outcomes, 'png');
  expect(png.name).toBe('outcomes-over-time.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.bytes.length).toBeGreaterThan(2000);

  const flow = page.locator('section[aria-labelledby="flow-title"]');
  const picture = await download(page, flow, 'svg');
  expect(picture.name).toBe('request-flow.svg');
  const flowText = picture.bytes.toString('utf8');
  for (const name of ['Server-A', 'Server-B', 'Server-C', 'balancer'])
    expect(flowText).toContain(name);
  expect(flowText).not.toContain('var(--');
  // The menu closed and focus is back on its button.
  await expect(flow.getByTestId('chart.download')).toBeFocused();
});
