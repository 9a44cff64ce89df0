import type { Page } from '@playwright/test';
import { expect, test, type Playground } from './fixtures.ts';

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Names shown cut short: an element narrower than its text, or text that is not the name. */
async function truncatedNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.server-name')) {
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`list: ${el.textContent}`);
    }
    for (const node of document.querySelectorAll('[data-testid="flow.server"]')) {
      const name = node.getAttribute('data-name') ?? '';
      const shown = node.querySelector('text')?.textContent ?? '';
      if (shown !== name) cut.push(`flow: ${shown} for ${name}`);
    }
    return cut;
  });
}

async function playClassicWithLongName(playground: Playground) {
  await playground.open();
  await playground.servers.add();
  await playground.servers.rename('Server-D', 'Database-Replica-West');
  await playground.page.getByRole('radio', { name: 'Least connections' }).check();
  await playground.controls.play();
  await expect(playground.byId('clock.finished')).toBeVisible();
}

test('at 1440 × 900 the first screen has the servers, the traffic to send and the request flow', async ({
  playground,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await playground.open('', { guide: true });
  // Overload settings are folded while all are off, so the Traffic panel is not pushed down.
  await expect(playground.byId('servers.overload.state')).toHaveText('○ all off');
  await expect(playground.byId('traffic.fire')).toBeInViewport({ ratio: 1 });
  await expect(playground.byId('traffic.rateSlider')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('heading', { name: 'Request flow' })).toBeInViewport({ ratio: 1 });
  await expect(playground.byId('defences.tail.state')).toHaveText('○ all off');
  await expect(playground.byId('defences.tail')).not.toHaveAttribute('open', '');
  // A preset with shedding on opens them; one with hedging opens the defences' section.
  await playground.open('&preset=storm-codel-lifo');
  await expect(playground.byId('servers.overload')).toHaveAttribute('open', '');
  await expect(playground.byId('servers.overload.state')).toContainText('CoDel');
  await playground.open('&preset=heavy-tail-hedged');
  await expect(playground.byId('defences.tail')).toHaveAttribute('open', '');
  await expect(playground.byId('defences.tail.state')).toHaveText('● hedged requests');
});

for (const width of [768, 390]) {
  test(`at ${width} px: no sideways scrolling, names in full, the log wraps`, async ({
    playground,
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await playClassicWithLongName(playground);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await truncatedNames(page)).toEqual([]);
    await expect(playground.byId('flow.strategy')).toHaveText(/least\s*connections/);
    // The log wraps its lines rather than scrolling sideways.
    const log = playground.byId('log.list');
    await log.scrollIntoViewIfNeeded();
    const sideways = await log.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await expect(log).toContainText('Server Database-Replica-West completed request 4. Load: 1/3');
  });
}

test('at 390 px the page does not grow while scrolling down', async ({ playground, page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await playground.open();
  // Let the deferred panels load and the page settle.
  await expect(page.locator(':root[data-settled]')).toHaveCount(1, { timeout: 15_000 });
  const before = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < before; y += 700) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(60);
  }
  const after = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(Math.abs(after - before)).toBeLessThan(80);
});
