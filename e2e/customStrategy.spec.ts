import { expect, test } from './fixtures.ts';
import { CustomStrategyArea } from './pages/CustomStrategyArea.ts';

const LEAST_CONNECTIONS = `function selectServer(servers) {
  let best = servers[0];
  for (const s of servers) if (s.active + s.queued < best.active + best.queued) best = s;
  return best;
}
`;

test('your strategy: an error on its line, a live run, and a comparison with least connections', async ({
  playground,
}) => {
  await playground.open();
  const custom = new CustomStrategyArea(playground.page);
  await custom.open();

  // A syntax error is named with its line as you type (checked in the worker's sandbox).
  await custom.write('function selectServer(servers) {\n  return servers[0\n}\n');
  await expect(custom.check).toContainText('Line 3: SyntaxError');

  // Least connections in the API: it loads, runs the demo's ten requests, 9 served as built in.
  await custom.write(LEAST_CONNECTIONS);
  await expect(custom.check).toContainText('The code loads and defines selectServer');
  await custom.run();
  await expect(custom.check).toContainText('running');
  await playground.controls.play();
  await expect.poll(() => playground.summary.count('served')).toBe(9);
  await expect.poll(() => playground.summary.count('rejected')).toBe(1);

  // Beside the built-in least connections on the identical workload: the same figures.
  const { compare } = playground;
  await compare.strategy('round-robin').uncheck();
  await compare.strategy('custom').check();
  await compare.run();
  await expect(compare.table).toBeVisible({ timeout: 30_000 });
  for (const row of ['total', 'p99']) {
    const builtIn = await compare.cell(row, 'least-connections').textContent();
    await expect(compare.cell(row, 'custom')).toHaveText(builtIn!);
  }

  // A stranger returned mid-run stops the run at that request, with the line in the editor.
  await custom.write('function selectServer(servers) {\n  return 42;\n}\n');
  await custom.run();
  await playground.controls.reset();
  // The run stops at the first request, so the button is not left pressed.
  await playground.controls.playButton.click();
  await expect(custom.check).toContainText(
    'The run stopped at that request: Line 1: selectServer returned 42',
  );
});

test('an exercise: the reference solution passes every hidden case', async ({ playground }) => {
  await playground.open();
  const page = playground.page;
  await page.getByTestId('exercise.toggle').click();
  await page.getByTestId('exercise.open.round-robin').click();
  await page.getByTestId('exercise.grade').click();
  // The starter fails, saying what was expected and what it did.
  await expect(page.getByTestId('exercise.summary')).not.toContainText('✓', { timeout: 30_000 });
  await expect(page.getByTestId('exercise.case').first()).toBeVisible();
  await page.getByTestId('exercise.showSolution').click();
  await page.getByRole('button', { name: 'Use it as my code' }).click();
  await page.getByTestId('exercise.grade').click();
  await expect(page.getByTestId('exercise.summary')).toContainText('✓', { timeout: 30_000 });
});
