import { expect, test } from './fixtures.ts';

test('the classic demo serves 9 of ten requests and rejects 1 for no healthy servers', async ({
  playground,
}) => {
  await playground.open();
  await expect(playground.byId('preset.select')).toHaveValue('classic');
  await playground.play();
  await expect(playground.byId('summary.served')).toHaveText('9');
  await expect(playground.byId('summary.rejected')).toHaveText('1');
  await expect(playground.byId('summary.noHealthy')).toHaveText('1');
  await expect(playground.byId('summary.overloaded')).toHaveText('0');
  await expect(playground.byId('log.list')).toContainText('No healthy servers available!');
});

test('adding and killing a server changes where the load goes', async ({ playground }) => {
  await playground.open();
  await playground.byId('servers.add').click();
  await expect(playground.server('Server-D')).toBeVisible();
  await expect(playground.loadBar('Server-D')).toBeVisible();
  await playground.byId('controls.speed').selectOption('0.1');
  await playground.play();
  await playground.fireBurst(12);
  // Round robin over four servers with room for 12: Server-D gets its share.
  await expect(playground.loadBar('Server-D')).not.toHaveAttribute('data-active', '0');
  await playground.byId('controls.speed').selectOption('10');
  await expect(playground.loadBar('Server-D')).toHaveAttribute('data-active', '0');

  await playground.server('Server-D').getByTestId('server.kill').click();
  await expect(playground.server('Server-D').getByTestId('server.kill')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await playground.byId('controls.speed').selectOption('0.1');
  await playground.fireBurst(6);
  await expect(playground.loadBar('Server-A')).not.toHaveAttribute('data-active', '0');
  await expect(playground.loadBar('Server-D')).toHaveAttribute('data-active', '0');
  await expect(playground.byId('log.list')).toContainText('Server Server-D is down');
});

test('switching strategy takes effect mid-run', async ({ playground }) => {
  await playground.open();
  await playground.byId('traffic.rate').fill('20');
  await playground.byId('traffic.rate').press('Enter');
  await playground.play();
  await expect
    .poll(() => playground.count('summary.served'), { timeout: 15_000 })
    .toBeGreaterThan(9);
  await playground.page.getByRole('radio', { name: 'Least connections' }).check();
  await expect(playground.byId('strategy.explanation')).toContainText('fewest');
  // The log follows the newest of many request lines: filter it to the balancer's own lines.
  await playground.byId('log.server').selectOption('LoadBalancer');
  await expect(playground.byId('log.list')).toContainText('Strategy switched to least-connections');
  const servedAtSwitch = await playground.count('summary.served');
  await expect
    .poll(() => playground.count('summary.served'), { timeout: 15_000 })
    .toBeGreaterThan(servedAtSwitch);
});

test('a 10,000-request burst moves the cache numbers', async ({ playground }) => {
  await playground.open();
  await playground.byId('servers.add').click();
  await playground.server('Server-D').getByTestId('server.edit').click();
  await playground.server('Server-D').getByTestId('server.capacity').fill('100000');
  await playground.server('Server-D').getByTestId('server.capacity').press('Enter');
  const missesBefore = await playground.count('cache.misses');
  await playground.byId('controls.speed').selectOption('max');
  await playground.play();
  await playground.fireBurst(10_000);
  await expect
    .poll(() => playground.count('summary.served'), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(10_000);
  const misses = await playground.count('cache.misses');
  const hits = await playground.count('cache.hits');
  expect(misses).toBeGreaterThan(missesBefore);
  expect(hits).toBeGreaterThan(0);
  await expect(playground.byId('cache.hitRate')).not.toHaveText('–');
});

test('pause, step and resume move simulated time only when asked', async ({ playground }) => {
  await playground.open();
  const clock = playground.byId('clock');
  await expect(clock).toHaveText(/^0\.000 s$/);
  await playground.byId('controls.step').click();
  await expect(clock).toHaveText('0.000 s'); // the burst at t=0 is the first event
  await playground.byId('controls.step').click();
  await expect(clock).not.toHaveText('0.000 s');
  const afterStep = await clock.textContent();
  await playground.byId('controls.stepMs').fill('250');
  await playground.byId('controls.stepBy').click();
  await expect(clock).not.toHaveText(afterStep!);
  await playground.play();
  await expect
    .poll(async () => parseFloat((await clock.textContent()) ?? '0'), { timeout: 10_000 })
    .toBeGreaterThan(1);
  await playground.pause();
  const paused = await clock.textContent();
  await playground.page.waitForTimeout(500);
  await expect(clock).toHaveText(paused!);
});
