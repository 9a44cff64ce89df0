import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { expect, test, type Playground } from './fixtures.ts';

/** Seconds in a clock label such as "viewing 0:42.3 (paused view)" or "live · 1:02.0". */
function clockSeconds(text: string | null): number {
  const m = (text ?? '').match(/(\d+):(\d{2}\.\d)/);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

/** The largest time on a chart's x axis, in simulated seconds. */
async function lastTick(chart: Locator): Promise<number> {
  const labels = await chart.locator('.axis--bottom text:not(.axis-label)').allTextContents();
  return Math.max(...labels.map(Number));
}

// Each test plays a run and then scrubs or replays it: more than a minute on a busy machine.
test.slow();

/** The classic demo at 10×, with a burst and a server drained along the way. */
async function busyRun(playground: Playground): Promise<void> {
  await playground.open();
  await playground.controls.speed('10');
  await playground.controls.play();
  await playground.traffic.fireBurst(20);
  await playground.servers.kill('Server-A');
  await playground.traffic.fireBurst(15);
}

test('scrubbing back shows an earlier window of the charts, and Live follows the run again', async ({
  playground,
}) => {
  await busyRun(playground);
  // The run would pause itself once its bursts are over (issue 17): a steady rate keeps it going.
  await playground.traffic.setRate(5);
  await playground.controls.play();
  const viewing = playground.byId('timeline.viewing');
  await expect(viewing).toContainText('live');
  // Simulated time at 1x: about ten seconds of the page's time, more when the machine is busy.
  await expect
    .poll(async () => clockSeconds(await viewing.textContent()), { timeout: 30_000 })
    .toBeGreaterThan(15);

  const scrub = playground.byId('timeline.scrub');
  await scrub.focus();
  await scrub.press('End');
  const end = clockSeconds(await viewing.textContent());
  await expect(viewing).toContainText('(paused view)');
  await expect(playground.byId('timeline.live')).toBeEnabled();
  for (let i = 0; i < 5; i++) await scrub.press('PageDown'); // ten samples of 100 ms each
  await expect(viewing).toHaveText(/viewing \d+:\d{2}\.\d \(paused view\)/);
  const back = clockSeconds(await viewing.textContent());
  expect(back).toBeCloseTo(end - 5, 0);
  await scrub.press('ArrowRight'); // one sample
  expect(clockSeconds(await viewing.textContent())).toBeCloseTo(back + 0.1, 5);
  const shown = clockSeconds(await viewing.textContent());

  // The charts end at the viewed time, and stay there while the run goes on.
  const latency = playground.byId('timeline.latency');
  await expect.poll(() => lastTick(latency)).toBeLessThanOrEqual(shown);
  const pausedTick = await lastTick(latency);
  await expect(playground.byId('load.viewing')).toContainText('(paused view)');
  await expect.poll(() => playground.controls.simSeconds()).toBeGreaterThan(shown + 3);
  expect(clockSeconds(await viewing.textContent())).toBe(shown);
  expect(await lastTick(latency)).toBeLessThanOrEqual(shown);

  await scrub.press('Home');
  await expect(viewing).toHaveText('viewing 0:00.0 (paused view)');

  await playground.byId('timeline.live').click();
  await expect(viewing).toContainText('live');
  await expect(playground.byId('timeline.live')).toBeDisabled();
  await expect(playground.byId('load.viewing')).toHaveCount(0);
  await expect.poll(() => lastTick(latency)).toBeGreaterThan(pausedTick);
});

test('a run exported as a recording replays to the same summary after a reset', async ({
  playground,
  page,
}) => {
  await busyRun(playground);
  await expect.poll(() => playground.summary.count('total')).toBe(45);
  // The run pauses itself once its bursts are over, and new traffic would play it on (issue 17):
  // play and pause by hand, so the next burst waits.
  await expect(playground.byId('clock.finished')).toContainText('paused');
  await playground.controls.play();
  await playground.controls.pause();
  await playground.traffic.fireBurst(5); // while paused: the recording ends with these in flight
  await expect(playground.summary.stat('inFlight')).toHaveText('5');
  await expect(playground.byId('recording.status')).toContainText('Recording this run: 4 actions');
  const totals = async () => ({
    served: await playground.summary.stat('served').textContent(),
    rejected: await playground.summary.stat('rejected').textContent(),
    max: await playground.summary.stat('max').textContent(),
    total: await playground.summary.stat('total').textContent(),
    inFlight: await playground.summary.stat('inFlight').textContent(),
  });
  const before = await totals();
  expect(before.total).toBe('50');
  expect(before.inFlight).toBe('5');

  const download = page.waitForEvent('download');
  await playground.byId('recording.export').click();
  const file = await (await download).path();
  const recording = JSON.parse(await readFile(file, 'utf8')) as { actions: unknown[] };
  expect(recording.actions).toHaveLength(4);

  await playground.controls.reset();
  await expect(playground.summary.stat('total')).toHaveText('0');
  await expect(playground.byId('recording.status')).toContainText('0 actions');

  await playground.byId('recording.import').setInputFiles(file);
  await expect(playground.byId('recording.status')).toContainText('Loaded');
  await playground.controls.speed('1000');
  await playground.byId('recording.replay').click();
  await expect(playground.byId('recording.status')).toContainText('Replay complete', {
    timeout: 20_000,
  });
  await expect(playground.controls.playButton).toHaveAttribute('aria-pressed', 'false');
  expect(await totals()).toEqual(before);
});
