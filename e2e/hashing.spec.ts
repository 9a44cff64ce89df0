import { expect, test, type Playground } from './fixtures.ts';

/** The share of keys (0..1) the moved report states, e.g. "32.4% of keys" → 0.324. */
async function movedShare(playground: Playground): Promise<number> {
  const text = (await playground.byId('hashing.moved').textContent()) ?? '';
  const match = /([\d.]+)% of keys/.exec(text);
  return match ? Number(match[1]) / 100 : NaN;
}

test('consistent hashing moves about 1/N of the keys, modulo hashing about (N-1)/N', async ({
  playground,
}) => {
  await playground.open();
  const panel = playground.byId('hashing.panel');
  await expect(panel).toBeVisible();
  // Round robin at first: the panel says keys are not tied to servers.
  await expect(playground.byId('hashing.notHash')).toBeVisible();
  await expect(playground.byId('hashing.notPerServer')).toBeVisible();

  await playground.byId('strategy.consistent-hash').check();
  await playground.byId('cache.placement').locator('input[value="per-server"]').check();
  await expect(playground.byId('hashing.notHash')).toHaveCount(0);
  await expect(playground.byId('hashing.caches')).toBeVisible();
  await expect(panel.locator('[data-testid="hashing.method"]')).toHaveCount(3);
  await expect(
    panel.locator('[data-testid="hashing.method"][data-method="consistent-hash"]'),
  ).toContainText('in use');

  // The classic demo has three servers: removing one should move about a third of the keys.
  await playground.byId('hashing.remove').click();
  await expect(playground.servers.row('Server-C')).toHaveCount(0);
  await expect(playground.byId('hashing.moved')).toContainText('under Consistent hash');
  const ring = await movedShare(playground);
  expect(Math.abs(ring - 1 / 3)).toBeLessThan(0.1);

  // Modulo hashing, going from two servers to three, moves about 2/3 of the keys.
  await playground.byId('strategy.modulo-hash').check();
  await expect(
    panel.locator('[data-testid="hashing.method"][data-method="modulo-hash"]'),
  ).toContainText('in use');
  await playground.byId('hashing.add').click();
  await expect(playground.servers.row('Server-C')).toBeVisible();
  await expect(playground.byId('hashing.moved')).toContainText('under Modulo hash');
  const modulo = await movedShare(playground);
  expect(Math.abs(modulo - 2 / 3)).toBeLessThan(0.1);
  expect(modulo).toBeGreaterThan(ring);
  // Each server's own cache is listed, the new one included.
  await expect(panel.locator('[data-testid="hashing.cache"]')).toHaveCount(3);
});
