import { expect, test } from './fixtures.ts';

test('the ten-requests lesson: predict, run, and an explanation with the run’s numbers', async ({
  playground,
}) => {
  await playground.open();
  const { learn } = playground;
  await learn.openLessons();
  await expect(learn.lessonPicker).toBeVisible();
  await learn.startLesson('ten-requests');

  // Set up: the lesson's scenario is loaded.
  await expect(learn.step).toHaveAttribute('data-step-kind', 'setup');
  await expect(playground.servers.row('Server-B')).toBeVisible();
  await learn.next();

  // Predict before running.
  await expect(learn.step).toHaveAttribute('data-step-kind', 'predict');
  const one = learn.choice('one');
  await one.check();
  await expect(one).toBeChecked();
  await learn.next();

  // Run it to the end.
  await expect(learn.step).toHaveAttribute('data-step-kind', 'run');
  await learn.runLesson();
  await expect(learn.runResult).toContainText('9 served, 1 rejected', {
    timeout: 20_000,
  });
  await expect(playground.summary.stat('served')).toHaveText('9');

  // Explain: the verdict and the run's own numbers.
  await learn.next();
  await expect(learn.step).toHaveAttribute('data-step-kind', 'explain');
  await expect(learn.verdict).toHaveAttribute('data-outcome', 'match');
  const explanation = learn.explanation;
  await expect(explanation).toContainText('9 served in all');
  await expect(explanation).toContainText('1 request (10%) was rejected');

  // Back keeps the prediction, now locked in; Undo in the toolbar is there to restore a setup.
  await learn.back();
  await learn.back();
  await expect(one).toBeChecked();
  await expect(one).toBeDisabled();
  await expect(playground.byId('scenario.undo')).toBeEnabled();
});

test('a challenge fails with its starting setup and passes after "Show me"', async ({
  playground,
}) => {
  await playground.open();
  const { page, learn } = playground;
  await learn.openChallenges();
  await expect(learn.challengePicker).toBeVisible();
  await learn.startChallenge('even-utilization');
  await expect(playground.servers.row('Big')).toBeVisible();

  const spread = learn.goal('spread');
  await expect(spread).toHaveAttribute('data-outcome', 'pending');
  await learn.check();
  const result = learn.result;
  await expect(result).toHaveAttribute('data-outcome', 'fail', { timeout: 30_000 });
  await expect(spread).toHaveAttribute('data-outcome', 'fail');
  await expect(learn.constraint('pool')).toHaveAttribute('data-outcome', 'pass');

  await learn.showHint();
  await expect(learn.hintText).toContainText('Big');

  await learn.showMe();
  await expect(learn.solution).toContainText('Weighted round robin');
  await expect(page.getByRole('radio', { name: 'Weighted round robin' })).toBeChecked();
  await learn.check();
  await expect(result).toHaveAttribute('data-outcome', 'pass', { timeout: 30_000 });
  await expect(spread).toHaveAttribute('data-outcome', 'pass');
});
