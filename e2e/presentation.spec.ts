import { expect, test } from './fixtures.ts';

test('a presentation link opens the flow picture and the chosen chart big, controls at hand', async ({
  playground,
  page,
}) => {
  await playground.page.goto('./?motion=0&present=outcomes');
  const stage = playground.byId('presentation');
  await expect(stage).toBeVisible();
  await expect(playground.byId('flow.view')).toBeVisible();
  await expect(
    playground.byId('outcomes.chart').or(page.getByText('The chart starts once')),
  ).toBeVisible();
  // Other panels are out of the way; the run controls stay.
  await expect(page.getByRole('heading', { name: 'Servers' })).toHaveCount(0);
  await expect(playground.byId('guide')).toHaveCount(0);
  await expect(playground.byId('present.toggle')).toHaveAttribute('aria-pressed', 'true');
  await playground.controls.play();
  await expect(playground.byId('outcomes.chart')).toBeVisible();

  // Larger type than the normal page.
  const zoom = await page.evaluate(() => getComputedStyle(document.querySelector('.app')!).zoom);
  expect(Number(zoom)).toBeGreaterThan(1);

  await playground.byId('present.chart').selectOption('latency');
  await expect(playground.byId('latency.histogram')).toBeVisible();
  await expect(page).toHaveURL(/[?&]present=latency/);

  await playground.byId('present.exit').click();
  await expect(stage).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Servers' })).toBeVisible();
  await expect(page).not.toHaveURL(/present=/);
  // P brings it back.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('p');
  await expect(stage).toBeVisible();
});
