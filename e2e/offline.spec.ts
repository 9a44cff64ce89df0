/**
 * The production build as it ships: served from a sub-folder (playwright.config.ts's "subfolder"
 * project, e2e/serveSubfolder.ts), it must load every asset and its worker from there, install its
 * service worker, and after that first visit work with the network cut.
 */
import { expect, test, type Playground } from './fixtures.ts';

const FOLDER = '/balancer-playground/';

/** Runs the classic preset to its end: the demo's 9 served and 1 rejected. */
async function runClassic(playground: Playground): Promise<void> {
  await expect(playground.byId('preset.select')).toHaveValue('classic');
  await playground.controls.play();
  await expect(playground.summary.stat('served')).toHaveText('9');
  await expect(playground.summary.stat('rejected')).toHaveText('1');
  await expect(playground.summary.stat('noHealthy')).toHaveText('1');
}

test('loads from a sub-folder, installs its service worker and runs offline', async ({
  playground,
  page,
  context,
}) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });

  await playground.open();
  expect(new URL(page.url()).pathname).toBe(FOLDER);
  await runClassic(playground);
  await expect(playground.byId('about.version')).toHaveText(/^v\d+\.\d+\.\d+/);

  // The first visit's page is taken over as soon as the worker has cached the app shell.
  const scriptURL = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener('controllerchange', done),
      );
    return navigator.serviceWorker.controller?.scriptURL;
  });
  expect(new URL(scriptURL!).pathname).toBe(`${FOLDER}sw.js`);
  // One cache, of this version, named after the folder it serves.
  expect(await page.evaluate(() => caches.keys())).toEqual([
    expect.stringContaining(new URL(FOLDER, page.url()).href),
  ]);
  expect(failed).toEqual([]);

  await context.setOffline(true);
  // The network really is gone for the service worker too: a file it does not keep is out of reach.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const probe = () =>
    fetch('./og-image.png').then(
      (r) => r.status,
      () => 'offline',
    );
  expect(await worker.evaluate(probe)).toBe('offline');

  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(playground.controls.clock).toBeVisible();
  await expect(playground.servers.rows.first()).toBeVisible();
  await runClassic(playground);

  await playground.byId('about.link').click();
  await expect(page).toHaveURL(`${FOLDER}about.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Balancer Playground');
});

test('the about page loads from the sub-folder with its styles and version', async ({
  playground,
  page,
}) => {
  await playground.open();
  const version = (await playground.byId('about.version').textContent())!.replace(/^v/, '');
  await playground.byId('about.link').click();
  await expect(page).toHaveURL(`${FOLDER}about.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Balancer Playground');
  await expect(page.getByTestId('about.pageVersion')).toHaveText(version);
  // The stylesheet resolved from the sub-folder: the terms are laid out as a grid.
  await expect(page.locator('.about-terms')).toHaveCSS('display', 'grid');
  for (const term of ['ServiceRegistry', 'forward_request', 'NoHealthyServersError', 'lru_cache'])
    await expect(page.locator('.about-table')).toContainText(term);
  await page.getByTestId('about.back').click();
  await expect(playground.controls.clock).toBeVisible();
});
