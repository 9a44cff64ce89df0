import { expect, test } from './fixtures.ts';

test('the page makes no request beyond its own origin while it is used', async ({
  playground,
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // The worker's and service worker's fetches are reported by the context, not the page.
  page.context().on('request', (r) => requests.push(r.url()));

  await playground.open();
  await playground.controls.speed('max');
  await playground.controls.play();
  await expect(playground.summary.stat('served')).toHaveText('9');
  await playground.controls.pause();
  await playground.servers.add();
  await playground.traffic.fireBurst(50);
  await playground.traffic.setRate(200);
  await playground.controls.stepBy(2000);
  await expect(playground.summary.stat('served')).not.toHaveText('9');
  await page.getByRole('radio', { name: 'Least connections' }).check();
  await playground.byId('scenario.share').click();
  await expect(playground.byId('scenario.shareUrl')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    playground.byId('scenario.export').click(),
  ]);
  await download.path();
  await playground.byId('scenario.undo').click();
  await page.reload();
  await expect(playground.servers.rows.first()).toBeVisible();

  expect(requests.length).toBeGreaterThan(0);
  // The export is a same-origin blob: URL made in the page; nothing is uploaded.
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith(`blob:${origin}/`));
  expect(foreign).toEqual([]);
});

test('names from a file or link are shown as text, never run as HTML', async ({
  playground,
  page,
}) => {
  await playground.open();
  const evil = '<img src=x onerror="window.__pwned=1">';
  await playground.byId('scenario.import').setInputFiles({
    name: '<b>evil</b>.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ name: evil, servers: [{ name: evil, capacity: 1 }] })),
  });
  await expect(playground.servers.rows).toHaveCount(1);
  await expect(playground.servers.rows).toContainText(evil);
  await expect(playground.byId('notice')).toContainText('Loaded “<b>evil</b>.json”');
  await playground.controls.play();
  await expect(playground.summary.stat('total')).not.toHaveText('0');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
