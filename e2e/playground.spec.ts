import { expect, test } from './fixtures.ts';

test('the classic demo serves 9 of ten requests and rejects 1 for no healthy servers', async ({
  playground,
}) => {
  await playground.open();
  await expect(playground.byId('preset.select')).toHaveValue('classic');
  await playground.controls.play();
  await expect(playground.summary.stat('served')).toHaveText('9');
  await expect(playground.summary.stat('rejected')).toHaveText('1');
  await expect(playground.summary.stat('noHealthy')).toHaveText('1');
  await expect(playground.summary.stat('overloaded')).toHaveText('0');
  await expect(playground.byId('log.list')).toContainText('No healthy servers available!');
});

test('adding and killing a server changes where the load goes', async ({ playground }) => {
  await playground.open();
  await playground.servers.add();
  await expect(playground.servers.row('Server-D')).toBeVisible();
  await expect(playground.servers.loadBar('Server-D')).toBeVisible();
  await playground.controls.speed('0.1');
  await playground.controls.play();
  await playground.traffic.fireBurst(12);
  // Round robin over four servers with room for 12: Server-D gets its share.
  await expect(playground.servers.loadBar('Server-D')).not.toHaveAttribute('data-active', '0');
  await playground.controls.speed('10');
  await expect(playground.servers.loadBar('Server-D')).toHaveAttribute('data-active', '0');

  await playground.servers.kill('Server-D');
  await expect(playground.servers.row('Server-D').getByTestId('server.kill')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await playground.controls.speed('0.1');
  await playground.traffic.fireBurst(6);
  await expect(playground.servers.loadBar('Server-A')).not.toHaveAttribute('data-active', '0');
  await expect(playground.servers.loadBar('Server-D')).toHaveAttribute('data-active', '0');
  await expect(playground.byId('log.list')).toContainText('Server Server-D is down');
});

test('switching strategy takes effect mid-run', async ({ playground }) => {
  await playground.open();
  await playground.traffic.setRate(20);
  await playground.controls.play();
  await expect
    .poll(() => playground.summary.count('served'), { timeout: 15_000 })
    .toBeGreaterThan(9);
  await playground.page.getByRole('radio', { name: 'Least connections' }).check();
  await expect(playground.byId('strategy.explanation')).toContainText('fewest');
  // The log follows the newest of many request lines: filter it to the balancer's own lines.
  await playground.byId('log.server').selectOption('LoadBalancer');
  await expect(playground.byId('log.list')).toContainText('Strategy switched to least-connections');
  const servedAtSwitch = await playground.summary.count('served');
  await expect
    .poll(() => playground.summary.count('served'), { timeout: 15_000 })
    .toBeGreaterThan(servedAtSwitch);
});

test('a 10,000-request burst moves the cache numbers', async ({ playground }) => {
  await playground.open();
  await playground.servers.add();
  await playground.servers.edit('Server-D');
  await playground.servers.setCapacity('Server-D', '100000');
  const missesBefore = await playground.count('cache.misses');
  await playground.controls.speed('max');
  await playground.controls.play();
  await playground.traffic.fireBurst(10_000);
  await expect
    .poll(() => playground.summary.count('served'), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(10_000);
  const misses = await playground.count('cache.misses');
  const hits = await playground.count('cache.hits');
  expect(misses).toBeGreaterThan(missesBefore);
  expect(hits).toBeGreaterThan(0);
  await expect(playground.byId('cache.hitRate')).not.toHaveText('–');
});

test('pause, step and resume move simulated time only when asked', async ({ playground }) => {
  await playground.open();
  const clock = playground.controls.clock;
  await expect(clock).toHaveText(/^0\.000 s$/);
  await playground.controls.step();
  await expect(clock).toHaveText('0.000 s'); // the burst at t=0 is the first event
  await playground.controls.step();
  await expect(clock).not.toHaveText('0.000 s');
  const afterStep = await clock.textContent();
  await playground.controls.stepBy(250);
  await expect(clock).not.toHaveText(afterStep!);
  // The classic run pauses itself at its end (0.56 s) since issue 17: a steady rate keeps it going.
  await playground.traffic.setRate(5);
  await playground.controls.play();
  await expect
    .poll(async () => parseFloat((await clock.textContent()) ?? '0'), { timeout: 10_000 })
    .toBeGreaterThan(1);
  await playground.controls.pause();
  const paused = await clock.textContent();
  await playground.page.waitForTimeout(500);
  await expect(clock).toHaveText(paused!);

  // Space, with no control focused, does what the button shows: play, then pause.
  const playButton = playground.controls.playButton;
  await playground.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await playground.page.keyboard.press('Space');
  await expect(playButton).toHaveAttribute('aria-pressed', 'true');
  await expect(clock).not.toHaveText(paused!);
  await playground.page.keyboard.press('Space');
  await expect(playButton).toHaveAttribute('aria-pressed', 'false');
});

test.describe('with motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the classic run’s requests cross the flow picture: dots in their server’s colour, a ✕ for the rejection', async ({
    page,
    playground,
  }) => {
    await playground.open('', { motion: true });
    await playground.controls.speed('0.1');
    // Each frame, count the dot canvas's pixels exactly in a server's colour and in the warning
    // colour (a shape's inside; its edges are blended), keeping the most seen: a trip lasts about
    // half a second, so the watch starts before the run.
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.flow-dots')!;
      const probe = document.createElement('span');
      canvas.parentElement!.append(probe);
      const colourOf = (css: string) => {
        probe.style.color = css;
        return getComputedStyle(probe).color.replace(/\s/g, '');
      };
      const servers = new Set([0, 1, 2].map((k) => colourOf(`var(--server-${k})`)));
      const warning = colourOf('var(--warning)');
      probe.remove();
      const copy = document.createElement('canvas');
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      const most = { server: 0, warning: 0 };
      (window as unknown as { mostDotPixels: typeof most }).mostDotPixels = most;
      const look = () => {
        copy.width = canvas.width;
        copy.height = canvas.height;
        ctx.drawImage(canvas, 0, 0);
        const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
        let server = 0;
        let warned = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] !== 255) continue;
          const rgb = `rgb(${data[i]},${data[i + 1]},${data[i + 2]})`;
          if (servers.has(rgb)) server++;
          else if (rgb === warning) warned++;
        }
        most.server = Math.max(most.server, server);
        most.warning = Math.max(most.warning, warned);
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await playground.controls.play();
    const most = () =>
      page.evaluate(
        () =>
          (window as unknown as { mostDotPixels: { server: number; warning: number } })
            .mostDotPixels,
      );
    // Nine requests go to servers A, B and C; the tenth finds no healthy server. The run lasts
    // about 5 s at this speed, three times that on a machine busy with the rest of the suite.
    const watch = { timeout: 30_000 };
    await expect.poll(async () => (await most()).server, watch).toBeGreaterThan(20);
    await expect.poll(async () => (await most()).warning, watch).toBeGreaterThan(0);
  });
});
