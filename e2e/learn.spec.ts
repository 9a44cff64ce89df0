import { expect, test } from './fixtures.ts';

test('the ten-requests lesson: predict, run, and an explanation with the run’s numbers', async ({
  playground,
}) => {
  await playground.open();
  const { page } = playground;
  await playground.byId('lesson.toggle').click();
  await expect(playground.byId('lesson.picker')).toBeVisible();
  await page.locator('[data-testid="lesson.start"][data-lesson="ten-requests"]').click();

  // Set up: the lesson's scenario is loaded.
  await expect(playground.byId('lesson.step')).toHaveAttribute('data-step-kind', 'setup');
  await expect(playground.server('Server-B')).toBeVisible();
  await playground.byId('lesson.next').click();

  // Predict before running.
  await expect(playground.byId('lesson.step')).toHaveAttribute('data-step-kind', 'predict');
  const one = page.locator('[data-testid="lesson.choice"][data-choice="one"]');
  await one.check();
  await expect(one).toBeChecked();
  await playground.byId('lesson.next').click();

  // Run it to the end.
  await expect(playground.byId('lesson.step')).toHaveAttribute('data-step-kind', 'run');
  await playground.byId('lesson.run').click();
  await expect(playground.byId('lesson.runResult')).toContainText('9 served, 1 rejected', {
    timeout: 20_000,
  });
  await expect(playground.byId('summary.served')).toHaveText('9');

  // Explain: the verdict and the run's own numbers.
  await playground.byId('lesson.next').click();
  await expect(playground.byId('lesson.step')).toHaveAttribute('data-step-kind', 'explain');
  await expect(playground.byId('lesson.verdict')).toHaveAttribute('data-outcome', 'match');
  const explanation = playground.byId('lesson.explanation');
  await expect(explanation).toContainText('9 served in all');
  await expect(explanation).toContainText('1 request (10%) was rejected');

  // Back keeps the prediction, now locked in; Undo in the toolbar is there to restore a setup.
  await playground.byId('lesson.back').click();
  await playground.byId('lesson.back').click();
  await expect(one).toBeChecked();
  await expect(one).toBeDisabled();
  await expect(playground.byId('scenario.undo')).toBeEnabled();
});

test('a challenge fails with its starting setup and passes after "Show me"', async ({
  playground,
}) => {
  await playground.open();
  const { page } = playground;
  await playground.byId('challenge.toggle').click();
  await expect(playground.byId('challenge.picker')).toBeVisible();
  await page.locator('[data-testid="challenge.start"][data-challenge="even-utilization"]').click();
  await expect(playground.server('Big')).toBeVisible();

  const spread = page.locator('[data-testid="challenge.goal"][data-goal="spread"]');
  await expect(spread).toHaveAttribute('data-outcome', 'pending');
  await playground.byId('challenge.check').click();
  const result = playground.byId('challenge.result');
  await expect(result).toHaveAttribute('data-outcome', 'fail', { timeout: 30_000 });
  await expect(spread).toHaveAttribute('data-outcome', 'fail');
  await expect(
    page.locator('[data-testid="challenge.constraint"][data-constraint="pool"]'),
  ).toHaveAttribute('data-outcome', 'pass');

  await playground.byId('challenge.hint').click();
  await expect(playground.byId('challenge.hintText')).toContainText('Big');

  await playground.byId('challenge.showMe').click();
  await expect(playground.byId('challenge.solution')).toContainText('Weighted round robin');
  await expect(page.getByRole('radio', { name: 'Weighted round robin' })).toBeChecked();
  await playground.byId('challenge.check').click();
  await expect(result).toHaveAttribute('data-outcome', 'pass', { timeout: 30_000 });
  await expect(spread).toHaveAttribute('data-outcome', 'pass');
});
