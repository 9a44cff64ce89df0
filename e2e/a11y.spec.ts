import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

/** Violations a person would be blocked by; minor and moderate ones are left to review. */
async function seriousViolations(page: import('@playwright/test').Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

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
