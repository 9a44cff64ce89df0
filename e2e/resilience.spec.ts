import { expect, test, type Playground } from './fixtures.ts';

/** Simulated seconds on the clock ("12.402 s"). */
async function simSeconds(playground: Playground): Promise<number> {
  const text = (await playground.byId('clock').textContent()) ?? '';
  return Number(text.replace(/[^\d.]/g, ''));
}

/** Lets the run go on for `seconds` of simulated time. */
async function runFor(playground: Playground, seconds: number): Promise<void> {
  const until = (await simSeconds(playground)) + seconds;
  await expect.poll(() => simSeconds(playground)).toBeGreaterThanOrEqual(until);
}

// Each test watches a live run at 1× for several simulated seconds, clicking as it goes.
test.slow();

/** The classic demo's three servers under a steady 20 requests per second. */
async function steadyClassic(playground: Playground): Promise<void> {
  await playground.open();
  await playground.byId('traffic.rate').fill('20');
  await playground.byId('traffic.rate').press('Enter');
}

test('crashing a server from its row fails the requests it held', async ({ playground }) => {
  await steadyClassic(playground);
  const b = playground.server('Server-B');
  // Crash it while it holds requests: pause at a moment it is busy.
  await expect(async () => {
    await playground.play();
    await expect(b.getByTestId('server.load')).not.toHaveText(/^0\//);
    await playground.pause();
    await expect(b.getByTestId('server.load')).not.toHaveText(/^0\//, { timeout: 500 });
  }).toPass();
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'healthy');

  await b.getByTestId('server.crash').click();
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'down');
  await expect.poll(() => playground.count('summary.failed')).toBeGreaterThan(0);
  await expect(b.getByTestId('server.load')).toHaveText(/^0\//);
  // Down, not drained: it comes back with Revive.
  await expect(b.getByTestId('server.kill')).toBeDisabled();
  await b.getByTestId('server.revive').click();
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'healthy');
});

test('without health checks a crashed server keeps failing requests until outlier ejection takes it out', async ({
  playground,
}) => {
  await steadyClassic(playground);
  const b = playground.server('Server-B');
  await playground.page.locator('[data-testid="defences.health.mode"][data-mode="none"]').check();
  await playground.play();
  await b.getByTestId('server.crash').click();
  await expect(b.getByTestId('server.state')).toContainText('balancer still thinks up');

  // Round robin still sends it every third request, and each is refused.
  const before = await playground.count('summary.failed');
  await expect.poll(() => playground.count('summary.failed')).toBeGreaterThan(before + 3);

  await playground.byId('defences.outlier.enabled').check();
  await expect(playground.byId('defences.outlier.consecutiveFailures')).toHaveValue('5');
  // A row scrolled out of view keeps its last numbers (a hundred rows would cost too much).
  await b.scrollIntoViewIfNeeded();
  await expect(b.getByTestId('server.state')).toContainText('ejected');
  await expect(b.getByTestId('server.state')).toHaveAttribute('data-state', 'down');

  // Ejected for 30 s: no request reaches it, so failures stop growing.
  const ejectedAt = await playground.count('summary.failed');
  await runFor(playground, 3);
  expect(await playground.count('summary.failed')).toBe(ejectedAt);
  expect(await playground.count('summary.served')).toBeGreaterThan(0);
  await playground.pause();
});
