import { expect, test } from './fixtures.ts';

test('a first visit opens the guide once: it runs the demo, explains it, and stays away once dismissed', async ({
  playground,
  page,
}) => {
  await playground.open('', { guide: true });
  const guide = playground.byId('guide');
  await expect(guide).toBeVisible();
  await expect(playground.byId('guide.step')).toHaveText('What you see');
  await expect(guide).toContainText('has 3 servers (Server-A can work on 3 requests at once');
  await playground.byId('guide.next').click();
  await expect(playground.byId('guide.step')).toHaveText('Press Play');
  await playground.byId('guide.play').click();
  await guide.getByRole('button', { name: /see what happened/ }).click();
  await expect(playground.byId('guide.step')).toHaveText('What just happened');
  await expect(guide).toContainText('10 requests arrived');
  await expect(guide).toContainText('9 served and 1 rejected');
  await expect(guide).toContainText('rejected as “no healthy servers”');
  await playground.byId('guide.next').click();
  await expect(guide).toContainText('Lessons');
  await playground.byId('guide.done').click();
  await expect(guide).toHaveCount(0);
  // Focus goes to the button that brings it back.
  await expect(playground.byId('help.guide')).toBeFocused();

  await page.reload();
  await expect(playground.controls.clock).toBeVisible();
  await expect(playground.servers.rows.first()).toBeVisible();
  await expect(guide).toHaveCount(0);
  await playground.byId('help.guide').click();
  await expect(guide).toBeVisible();
  await expect(playground.byId('guide.step')).toBeFocused();
  await playground.byId('guide.close').click();
  await expect(guide).toHaveCount(0);
});

test('the guide does not open for a link to a preset', async ({ playground }) => {
  await playground.open('&preset=steady-poisson', { guide: true });
  await expect(playground.byId('preset.select')).toHaveValue('steady-poisson');
  await expect(playground.byId('guide')).toHaveCount(0);
});

test('the classic run pauses itself when its traffic is over and every request ended, and says so', async ({
  playground,
}) => {
  await playground.open();
  await playground.controls.play();
  await expect(playground.controls.playButton).toHaveAttribute('aria-pressed', 'false');
  await expect(playground.byId('clock.finished')).toHaveText(/finished · paused/);
  await expect(playground.byId('notice')).toContainText(
    'its traffic is over and every request has ended (10 requests: 9 served and 1 rejected)',
  );
  // The clock stands where the last request ended, not running on.
  const end = await playground.controls.simSeconds();
  expect(end).toBeGreaterThan(0.2);
  expect(end).toBeLessThan(0.6);
  await playground.page.waitForTimeout(400);
  expect(await playground.controls.simSeconds()).toBe(end);
  // New traffic plays it on, and it pauses again at the end of that.
  await playground.traffic.fireBurst(4);
  await expect(playground.summary.stat('total')).toHaveText('14');
  await expect(playground.controls.playButton).toHaveAttribute('aria-pressed', 'false');
  expect(await playground.controls.simSeconds()).toBeGreaterThan(end);
});

test('keyboard: skip links, the shortcut list on ?, Enter steps, Esc returns focus from the share box', async ({
  playground,
  page,
}) => {
  await playground.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to run controls' })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to lessons' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(playground.byId('lesson.toggle')).toBeFocused();

  await page.getByRole('heading', { level: 1 }).click(); // focus on nothing in particular
  await page.keyboard.press('?');
  const sheet = playground.byId('shortcuts');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Step to the next event');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // Enter runs one event at a time: the burst at 0 s first, then the clock moves.
  await page.keyboard.press('Enter');
  await expect(playground.controls.clock).toHaveText('0.000 s');
  await page.keyboard.press('Enter');
  await expect(playground.controls.clock).not.toHaveText('0.000 s');
  await page.keyboard.press(']');
  await expect(playground.byId('controls.speed')).toHaveValue('2');

  await playground.byId('scenario.share').click();
  await expect(playground.byId('scenario.shareUrl')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(playground.byId('scenario.shareUrl')).toHaveCount(0);
  await expect(playground.byId('scenario.share')).toBeFocused();
});
