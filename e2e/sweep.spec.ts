import { readFileSync } from 'node:fs';
import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('sweep: a small knee sweep runs on the worker pool, draws theory and the knee, exports CSV', async ({
  playground,
  page,
}, testInfo) => {
  await playground.open();
  const { sweep } = playground;
  await sweep.panel.scrollIntoViewIfNeeded();
  await sweep.preset('the-knee');
  await sweep.fill('sweep.list', '0.3, 0.8');
  await sweep.strategy('least-connections').uncheck();
  await sweep.fill('sweep.replications', '2');
  await sweep.fill('sweep.warmup', '1');
  await sweep.fill('sweep.duration', '5');
  await sweep.run();

  await expect(sweep.status).toHaveText('Done.', { timeout: 45_000 });
  // 2 strategies × 2 loads, every replication done.
  await expect(sweep.grid.locator('td.is-done')).toHaveCount(4);
  await expect(sweep.points).toHaveCount(4);
  // M/M/1 for random and the supermarket model for two choices; random's knee (14 → 50 ms).
  await expect(page.getByTestId('sweep.theory')).toHaveCount(2);
  await expect(page.getByTestId('sweep.knee').first()).toBeAttached();

  await sweep.points.first().hover();
  await expect(page.getByTestId('sweep.tooltip')).toContainText('2 of 2 replications');
  // The form, the grid, the chart with its tooltip: nothing a person would be blocked by.
  expect(await seriousViolations(page, ['sweep.panel'])).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    sweep.export('csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('the-knee.csv');
  const file = testInfo.outputPath('sweep.csv');
  await download.saveAs(file);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^strategy,load,replications,meanMs,meanMs_ci95_lo,meanMs_ci95_hi,/);
  expect(lines).toHaveLength(5);
  expect(lines[1]).toMatch(/^random,0\.3,2,\d/);

  // A click on a point loads its setup (20 servers) into the playground.
  await sweep.points.first().click();
  await expect(playground.servers.rows).toHaveCount(20);
});

test('sweep: Stop hands out no more runs and keeps the points that finished', async ({
  playground,
}) => {
  await playground.open();
  const { sweep } = playground;
  await sweep.panel.scrollIntoViewIfNeeded();
  await sweep.preset('the-knee');
  await sweep.fill('sweep.duration', '20');
  await sweep.run();
  await expect(sweep.grid.locator('td.is-partial, td.is-done').first()).toBeVisible({
    timeout: 45_000,
  });
  await sweep.cancel();
  await expect(sweep.status).toHaveText(/^Stopped: \d+ points? ha(s|ve) at least one run\.$/, {
    timeout: 45_000,
  });
  // 150 runs were asked for; far fewer finished.
  const finished = await sweep.grid.locator('td.is-partial, td.is-done').count();
  expect(finished).toBeGreaterThan(0);
  expect(finished).toBeLessThan(30);
  await expect(sweep.export('csv')).toBeEnabled();
});

test('sweep: a share link carries the sweep file and fills the form when opened', async ({
  playground,
  page,
}) => {
  await playground.open();
  const { sweep } = playground;
  await sweep.panel.scrollIntoViewIfNeeded();
  await sweep.preset('cache-size');
  await sweep.fill('sweep.list', '32, 512');
  await sweep.fill('sweep.replications', '1');
  await sweep.fill('sweep.duration', '1');
  await sweep.run();
  await expect(sweep.status).toHaveText('Done.', { timeout: 45_000 });
  await page.getByTestId('sweep.share').click();
  const url = await page.getByTestId('sweep.link').inputValue();
  expect(url).toMatch(/#sweep=[A-Za-z0-9_-]+$/);

  await page.goto(url);
  await sweep.panel.scrollIntoViewIfNeeded();
  await expect(sweep.panel).toContainText('The sweep from the link is in the form below');
  await expect(page.getByTestId('sweep.list')).toHaveValue('32, 512');
  await expect(page.getByTestId('sweep.field')).toHaveValue('cacheCapacity');
  await expect(page.getByTestId('sweep.replications')).toHaveValue('1');
});
