import { expect, test } from './fixtures.ts';

/** A formula's card in the theory panel. */
function theoryRow(page: import('@playwright/test').Page, formula: string) {
  return page.locator(`[data-testid="theory.row"][data-formula="${formula}"]`);
}

test('compare: two strategies on one workload give different results from the same requests', async ({
  playground,
}) => {
  await playground.open('&preset=unequal-servers');
  const { compare } = playground;
  const cell = (row: string, strategy: string) => compare.cell(row, strategy);
  await expect(compare.strategy('round-robin')).toBeChecked();
  await compare.strategy('least-connections').uncheck();
  await compare.strategy('weighted-round-robin').check();
  await compare.run();
  await expect(compare.table).toBeVisible({ timeout: 30_000 });

  // The same requests in both columns: about 24/s for 60 s.
  const total = await cell('total', 'round-robin').textContent();
  await expect(cell('total', 'weighted-round-robin')).toHaveText(total!);
  expect(Number(total!.replace(/,/g, ''))).toBeGreaterThan(1000);

  // Round robin overloads the two small servers; weighted round robin does not.
  const p99 = (s: string) => cell('p99', s).textContent();
  expect(await p99('round-robin')).not.toEqual(await p99('weighted-round-robin'));
  await expect(cell('p99', 'weighted-round-robin').getByTestId('compare.best')).toHaveCount(1);
  await expect(cell('p99', 'round-robin').getByTestId('compare.best')).toHaveCount(0);
  await expect(cell('spread', 'weighted-round-robin').getByTestId('compare.best')).toHaveCount(1);
  await expect(compare.workload).toContainText('the same in every column');
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
  await playground.controls.speed('max');
  await playground.controls.play();
  await expect
    .poll(() => playground.summary.count('served'), { timeout: 30_000 })
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
