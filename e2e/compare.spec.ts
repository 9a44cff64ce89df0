import { expect, test } from './fixtures.ts';

/** A table cell of the comparison. */
function cell(page: import('@playwright/test').Page, row: string, strategy: string) {
  return page.locator(
    `[data-testid="compare.cell"][data-row="${row}"][data-strategy="${strategy}"]`,
  );
}

/** A formula's card in the theory panel. */
function theoryRow(page: import('@playwright/test').Page, formula: string) {
  return page.locator(`[data-testid="theory.row"][data-formula="${formula}"]`);
}

test('compare: two strategies on one workload give different results from the same requests', async ({
  playground,
}) => {
  await playground.open('&preset=unequal-servers');
  const page = playground.page;
  const box = (s: string) => page.locator(`[data-testid="compare.strategy"][data-strategy="${s}"]`);
  await expect(box('round-robin')).toBeChecked();
  await box('least-connections').uncheck();
  await box('weighted-round-robin').check();
  await playground.byId('compare.run').click();
  await expect(playground.byId('compare.table')).toBeVisible({ timeout: 30_000 });

  // The same requests in both columns: about 24/s for 60 s.
  const total = await cell(page, 'total', 'round-robin').textContent();
  await expect(cell(page, 'total', 'weighted-round-robin')).toHaveText(total!);
  expect(Number(total!.replace(/,/g, ''))).toBeGreaterThan(1000);

  // Round robin overloads the two small servers; weighted round robin does not.
  const p99 = (s: string) => cell(page, 'p99', s).textContent();
  expect(await p99('round-robin')).not.toEqual(await p99('weighted-round-robin'));
  await expect(cell(page, 'p99', 'weighted-round-robin').getByTestId('compare.best')).toHaveCount(
    1,
  );
  await expect(cell(page, 'p99', 'round-robin').getByTestId('compare.best')).toHaveCount(0);
  await expect(
    cell(page, 'spread', 'weighted-round-robin').getByTestId('compare.best'),
  ).toHaveCount(1);
  await expect(playground.byId('compare.workload')).toContainText('the same in every column');
});

test('theory: a setup inside Erlang B shows the prediction next to the measurement', async ({
  playground,
}) => {
  await playground.open();
  const page = playground.page;
  await theoryRow(page, 'erlang-b').getByTestId('theory.example').click();
  const row = theoryRow(page, 'erlang-b');
  // Erlang B with 9 slots offered 7 erlangs: 12.2 % of requests find every slot busy.
  await expect(row.getByTestId('theory.predicted')).toHaveText('12.2%');
  await playground.byId('controls.speed').selectOption('max');
  await playground.play();
  await expect
    .poll(() => playground.count('summary.served'), { timeout: 30_000 })
    .toBeGreaterThan(4000);
  await expect(row.getByTestId('theory.measured')).toHaveText(/^\d+\.\d%$/);
  const measured = parseFloat((await row.getByTestId('theory.measured').textContent())!);
  expect(Math.abs(measured - 12.2)).toBeLessThan(2);
});

test('theory: the classic demo is outside M/M/1, and says why', async ({ playground }) => {
  await playground.open();
  const row = theoryRow(playground.page, 'mm1');
  await expect(row.getByTestId('theory.outside')).toContainText(
    'the strategy is round-robin; M/M/1 per server needs random routing',
  );
  await expect(row.getByTestId('theory.predicted')).toHaveCount(0);
});

test('the choice count runs from 1 = random to every server = least connections', async ({
  playground,
}) => {
  await playground.open();
  await playground.page.getByRole('radio', { name: 'Power of two choices' }).check();
  const all = playground.page.locator('[data-testid="strategy.choicesPreset"][data-d="3"]');
  await expect(all).toHaveText('3 = least connections');
  await all.click();
  await expect(playground.byId('strategy.choices')).toHaveValue('3');
  await expect(all).toHaveAttribute('aria-pressed', 'true');
});
