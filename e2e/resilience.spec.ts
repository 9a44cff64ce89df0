import { expect, test, type Playground } from './fixtures.ts';

// Each test watches a live run at 1× for several simulated seconds, clicking as it goes.
test.slow();

/** The classic demo's three servers under a steady 20 requests per second. */
async function steadyClassic(playground: Playground): Promise<void> {
  await playground.open();
  await playground.traffic.setRate(20);
}

test('crashing a server from its row fails the requests it held', async ({ playground }) => {
  await steadyClassic(playground);
  const b = playground.servers.row('Server-B');
  // Crash it while it holds requests: pause at a moment it is busy.
  await expect(async () => {
    await playground.controls.play();
    await expect(b.getByTestId('server.load')).not.toHaveText(/^0\//);
    await playground.controls.pause();
    await expect(b.getByTestId('server.load')).not.toHaveText(/^0\//, { timeout: 500 });
  }).toPass();
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'healthy');

  await playground.servers.crash('Server-B');
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'down');
  await expect.poll(() => playground.summary.count('failed')).toBeGreaterThan(0);
  await expect(b.getByTestId('server.load')).toHaveText(/^0\//);
  // Down, not drained: it comes back with Revive.
  await expect(b.getByTestId('server.kill')).toBeDisabled();
  await playground.servers.revive('Server-B');
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'healthy');
});

test('without health checks a crashed server keeps failing requests until outlier ejection takes it out', async ({
  playground,
}) => {
  await steadyClassic(playground);
  const b = playground.servers.row('Server-B');
  await playground.page.locator('[data-testid="defences.health.mode"][data-mode="none"]').check();
  await playground.controls.play();
  await playground.servers.crash('Server-B');
  await expect(b.getByTestId('server.state')).toContainText('balancer still thinks up');

  // Round robin still sends it every third request, and each is refused.
  const before = await playground.summary.count('failed');
  await expect.poll(() => playground.summary.count('failed')).toBeGreaterThan(before + 3);

  await playground.byId('defences.outlier.enabled').check();
  await expect(playground.byId('defences.outlier.consecutiveFailures')).toHaveValue('5');
  // A row scrolled out of view keeps its last numbers (a hundred rows would cost too much).
  await b.scrollIntoViewIfNeeded();
  await expect(b.getByTestId('server.state')).toContainText('ejected');
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'down');

  // Ejected for 30 s: no request reaches it, so failures stop growing.
  const ejectedAt = await playground.summary.count('failed');
  await playground.controls.runFor(3);
  expect(await playground.summary.count('failed')).toBe(ejectedAt);
  expect(await playground.summary.count('served')).toBeGreaterThan(0);
  await playground.controls.pause();
});
