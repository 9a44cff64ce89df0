import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

test('the config dialog shows the classic setup for NGINX and Envoy, and follows the strategy', async ({
  playground,
  page,
}, testInfo) => {
  await playground.open();
  await playground.byId('config.open').click();
  const dialog = page.getByRole('dialog', { name: 'The setup as balancer configuration' });
  await expect(dialog).toBeVisible();
  const tab = (format: string) =>
    page.locator(`[data-testid="config.tab"][data-format="${format}"]`);
  await expect(tab('nginx')).toHaveAttribute('aria-selected', 'true');
  const snippet = playground.byId('config.snippet');
  await expect(snippet).toContainText('upstream classic_demo {');
  const nginx = (await snippet.textContent()) ?? '';
  expect(nginx.match(/^\s*server \S+ max_conns=\d+;/gm)).toHaveLength(3);
  expect(nginx).toContain('max_conns=3;');
  await expect(playground.byId('config.notes').getByRole('listitem').first()).toBeVisible();
  await playground.byId('config.close').click();
  await expect(dialog).toBeHidden();

  await page.getByRole('radio', { name: 'Least connections' }).check();
  await playground.byId('config.open').click();
  await expect(snippet).toContainText('least_conn;');
  await tab('envoy').click();
  await expect(tab('envoy')).toHaveAttribute('aria-selected', 'true');
  await expect(snippet).toContainText('LEAST_REQUEST');
  await expect(playground.byId('config.notes')).toContainText('no per-endpoint concurrency limit');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    playground.byId('config.download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('classic_demo.envoy.yaml');
  const file = testInfo.outputPath('cluster.yaml');
  await download.saveAs(file);
  expect(readFileSync(file, 'utf8')).toBe(await snippet.textContent());

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the run’s metrics download as CSV and JSON', async ({ playground, page }, testInfo) => {
  await playground.open();
  await playground.controls.speed('max');
  await playground.controls.play();
  await expect(playground.summary.stat('served')).toHaveText('9');
  await playground.controls.pause();

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    playground.byId('metrics.csv').click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^classic-demo-metrics-[\d.]+s\.csv$/);
  const csvFile = testInfo.outputPath('metrics.csv');
  await csv.saveAs(csvFile);
  const lines = readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^time \(ms\),arrivals \(\/s\),throughput \(\/s\)/);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines[1]).toMatch(/^\d/);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    playground.byId('metrics.json').click(),
  ]);
  const jsonFile = testInfo.outputPath('metrics.json');
  await json.saveAs(jsonFile);
  const doc = JSON.parse(readFileSync(jsonFile, 'utf8'));
  expect(doc).toMatchObject({ scenario: 'Classic demo', seed: 42, strategy: 'round-robin' });
  expect(doc.summary.requests.served).toBe(9);
  expect(doc.series.length).toBeGreaterThan(0);
});
