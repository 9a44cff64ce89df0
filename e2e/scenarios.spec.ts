import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, Playground, test } from './fixtures.ts';

/** Edits a server's capacity the way a person does: open its settings, type, Enter. */
async function setCapacity(playground: Playground, name: string, capacity: number) {
  const row = playground.servers.row(name);
  await row.getByTestId('server.edit').click();
  await row.getByTestId('server.capacity').fill(String(capacity));
  await row.getByTestId('server.capacity').press('Enter');
  await expect(row.getByTestId('server.load')).toHaveText(new RegExp(`/${capacity}$`));
}

/** The setup as the page shows it: server names and capacities, and the chosen strategy. */
async function shownSetup(playground: Playground) {
  const rows = playground.servers.rows;
  const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  const loads = await playground.servers.loads.allTextContents();
  const strategy = await playground.page
    .getByRole('radio', { checked: true })
    .first()
    .textContent();
  return { names, capacities: loads.map((t) => t.split('/')[1]), strategy };
}

/** An edited classic setup: a fourth server, Server-A at capacity 5, least connections. */
async function editSetup(playground: Playground) {
  await playground.servers.add();
  await expect(playground.servers.row('Server-D')).toBeVisible();
  await setCapacity(playground, 'Server-A', 5);
  await playground.page.getByRole('radio', { name: 'Least connections' }).check();
  await expect(playground.byId('scenario.undo')).toBeEnabled();
}

test('export then import gives the same setup, and the CLI runs the file to the same result', async ({
  playground,
  page,
}, testInfo) => {
  await playground.open();
  await editSetup(playground);
  const edited = await shownSetup(playground);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    playground.byId('scenario.export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('classic-demo.json');
  const file = testInfo.outputPath('classic-demo.json');
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect(saved).toMatchObject({ version: 1, strategy: 'least-connections', seed: 42 });

  await playground.byId('scenario.resetDefaults').click();
  await expect(playground.servers.row('Server-D')).toHaveCount(0);
  await playground.byId('scenario.import').setInputFiles(file);
  await expect(playground.byId('notice')).toContainText('Loaded “classic-demo.json”');
  await expect(playground.servers.row('Server-D')).toBeVisible();
  expect(await shownSetup(playground)).toEqual(edited);

  await playground.controls.speed('max');
  await playground.controls.play();
  await expect(playground.byId('clock.finished')).toBeVisible();
  const cli = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', file, '--json'], {
      encoding: 'utf8',
    }),
  ) as {
    requests: { total: number; served: number; rejected: number };
    latencyMs: { max: number };
  };
  expect(await playground.summary.count('total')).toBe(cli.requests.total);
  expect(await playground.summary.count('served')).toBe(cli.requests.served);
  expect(await playground.summary.count('rejected')).toBe(cli.requests.rejected);
  const max = (await playground.summary.stat('max').textContent()) ?? '';
  expect(parseFloat(max)).toBeCloseTo(cli.latencyMs.max, 0);
});

test('a share link opens the same setup in a new page', async ({ playground, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await playground.open();
  await editSetup(playground);
  const edited = await shownSetup(playground);
  await playground.byId('scenario.share').click();
  const link = await playground.byId('scenario.shareUrl').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=[\w-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const other = new Playground(await context.newPage());
  await other.page.goto(link.replace('/#', '/?motion=0#'));
  await expect(other.servers.row('Server-D')).toBeVisible();
  expect(await shownSetup(other)).toEqual(edited);
  await expect(other.byId('notice')).toContainText('Opened the shared scenario “Classic demo”');
  // Once the person changes it, the link leaves the address: a reload keeps their change.
  await other.servers.kill('Server-D');
  await expect.poll(() => new URL(other.page.url()).hash).toBe('');
  await other.page.reload();
  await expect(other.servers.row('Server-D').getByTestId('server.kill')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(other.errors).toEqual([]);

  // A link pasted into an open page (only the hash changes) is opened too.
  await playground.byId('scenario.resetDefaults').click();
  await expect(playground.servers.row('Server-D')).toHaveCount(0);
  await page.goto(link.replace('/#', '/?motion=0#'));
  await expect(playground.servers.row('Server-D')).toBeVisible();
  expect(await shownSetup(playground)).toEqual(edited);
});

test('a reload restores the edited setup from the autosave', async ({ playground, page }) => {
  await playground.open();
  await editSetup(playground);
  const edited = await shownSetup(playground);
  await page.reload();
  await expect(playground.servers.row('Server-D')).toBeVisible();
  expect(await shownSetup(playground)).toEqual(edited);
  await expect(playground.byId('scenario.undo')).toBeDisabled();
});

test('a link to a preset wins over the autosave, which stays one undo away', async ({
  playground,
}) => {
  await playground.open();
  await editSetup(playground);
  await playground.page.waitForTimeout(600); // the autosave is written a moment after the edit
  await playground.open('&preset=hot-keys');
  await expect(playground.byId('preset.select')).toHaveValue('hot-keys');
  await expect(playground.byId('notice')).toContainText('one Undo away');
  await playground.byId('scenario.undo').click();
  await expect(playground.servers.row('Server-D')).toBeVisible();
  // Changed, so the address no longer asks for the preset: a reload restores this setup.
  await expect.poll(() => new URL(playground.page.url()).search).toBe('?motion=0');
});

test('reset to defaults loads the classic demo and forgets the autosave', async ({
  playground,
  page,
}) => {
  await playground.open();
  await editSetup(playground);
  await playground.byId('scenario.resetDefaults').click();
  await expect(playground.servers.row('Server-D')).toHaveCount(0);
  await expect(playground.byId('preset.select')).toHaveValue('classic');
  await page.reload();
  await expect(playground.servers.rows).toHaveCount(3);
  await expect(playground.byId('preset.select')).toHaveValue('classic');
});

test('undo and redo by button and keyboard, keeping the run going', async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.controls.stepBy(300);
  await expect(playground.controls.clock).toHaveText('0.300 s');
  const b = playground.servers.row('Server-B');
  await playground.servers.kill('Server-B');
  await expect(b.getByTestId('server.kill')).toHaveAttribute('aria-pressed', 'true');
  await playground.byId('scenario.undo').click();
  await expect(b.getByTestId('server.kill')).toHaveAttribute('aria-pressed', 'false');
  await expect(playground.controls.clock).toHaveText('0.300 s'); // the run was not restarted
  await playground.byId('scenario.redo').click();
  await expect(b.getByTestId('server.kill')).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('heading', { level: 1 }).click(); // focus outside any text field
  await page.keyboard.press('ControlOrMeta+z');
  await expect(b.getByTestId('server.kill')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Shift+ControlOrMeta+z');
  await expect(b.getByTestId('server.kill')).toHaveAttribute('aria-pressed', 'true');

  // In a text field Ctrl+Z belongs to the field.
  await playground.traffic.burstSize.fill('12');
  await playground.traffic.burstSize.press('ControlOrMeta+z');
  await expect(b.getByTestId('server.kill')).toHaveAttribute('aria-pressed', 'true');
});

test('a file dropped anywhere on the page is imported', async ({ playground, page }) => {
  await playground.open();
  const file = JSON.stringify({ name: 'Dropped', servers: [{ name: 'Solo', capacity: 2 }] });
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, file);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(playground.byId('scenario.dropOverlay')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(playground.byId('scenario.dropOverlay')).toHaveCount(0);
  await expect(playground.servers.row('Solo')).toBeVisible();
  await expect(playground.servers.rows).toHaveCount(1);
  await expect(playground.byId('notice')).toContainText('Loaded “dropped.json”');
});
