import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the main screen after playing the classic demo has no serious accessibility problems', async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.controls.speed('max');
  await playground.controls.play();
  await expect(playground.summary.stat('served')).toHaveText('9');
  await playground.controls.pause();
  expect(await seriousViolations(page)).toEqual([]);
  // The sections folded while their settings are off, opened: their controls are checked too.
  for (const id of ['servers.overload', 'defences.tail']) {
    await playground.byId(id).locator('summary').click();
    await expect(playground.byId(id)).toHaveAttribute('open', '');
  }
  expect(await seriousViolations(page)).toEqual([]);
});

test('the share link box and a refusal notice have no serious accessibility problems', async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.byId('scenario.share').click();
  await expect(playground.byId('scenario.shareUrl')).toBeVisible();
  await playground.byId('scenario.import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"servers": ['),
  });
  await expect(playground.byId('notice')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
