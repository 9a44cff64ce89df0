import { expect, test } from './fixtures.ts';

test.slow();

test('switching on CoDel and adaptive LIFO during a retry storm brings goodput back', async ({
  playground,
}) => {
  const { page, controls } = playground;
  await playground.open('&preset=storm-fifo');
  await expect(page.getByTestId('preset.select')).toHaveValue('storm-fifo');
  // 40 simulated seconds: the spike (20-26 s) has started a storm that does not end.
  await controls.stepBy(40_000);
  await expect.poll(() => controls.simSeconds()).toBeGreaterThanOrEqual(40);
  await expect.poll(() => playground.count('summary.goodputNow')).toBeLessThan(5);

  // The overload settings are folded while all are off; their summary says so.
  await expect(page.getByTestId('servers.overload.state')).toHaveText('○ all off');
  await page.getByTestId('servers.overload').locator('summary').click();
  await page.getByTestId('servers.shedding.codel').check();
  await page.getByTestId('servers.shedding.lifo').check();
  await expect(page.getByTestId('servers.shedding')).toContainText('● on');
  await expect(page.getByTestId('servers.overload.state')).toHaveText('● CoDel, adaptive LIFO');

  // Fifteen seconds later the servers answer requests whose clients still wait.
  await controls.stepBy(15_000);
  await expect.poll(() => controls.simSeconds()).toBeGreaterThanOrEqual(55);
  await expect.poll(() => playground.count('summary.goodputNow')).toBeGreaterThan(40);
  // The timeline draws goodput next to throughput, and the outcomes chart shows what was shed.
  await expect(page.getByTestId('timeline.throughput')).toHaveAttribute('aria-label', /goodput/);
  await expect(page.locator('section[aria-labelledby="timeline-title"]')).toContainText('goodput');
  await expect(page.locator('.outcomes-panel')).toContainText('shed');
});

test('a closed-loop population from the Traffic panel sends only as fast as it is answered', async ({
  playground,
}) => {
  const { page, controls } = playground;
  await playground.open();
  await page.getByTestId('traffic.clients').fill('20');
  await page.getByTestId('traffic.thinkMs').fill('500');
  await page.getByTestId('traffic.clientsStart').click();
  await expect(page.getByTestId('traffic.population')).toContainText('20 clients thinking 500 ms');
  await controls.stepBy(10_000);
  await expect.poll(() => controls.simSeconds()).toBeGreaterThanOrEqual(10);
  // Every client waits for one request at most: never more than 20 in flight.
  expect(await playground.count('summary.inFlight')).toBeLessThanOrEqual(20);
  expect(await playground.summary.count('total')).toBeGreaterThan(100);
  await page.getByTestId('traffic.clientsStop').click();
  await expect(page.getByTestId('traffic.population')).toContainText('Each client sends');
});
