import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import { browserBundle } from './browserBundle.ts';

type Replay = { replay: { presetSummaries: () => Record<string, string> } };

// A scenario and its seed replay wherever the engine runs: the CLI (Node) and the page's worker
// (Chromium) give one result. Not a given: the two runtimes' Math.log, exp, pow, sin and cos differ
// in the last bit for some inputs (Debian's Chromium calls the system's libm, Node V8's own port of
// fdlibm: Math.log(1 - x) differs for about 7% of x). Of the presets, one (unequal-servers) ends
// with a clock 1 ulp apart; the summaries, rounded to 0.001, and the event counts agree for all.
// One bundle of the engine runs every preset in each runtime, and the two are compared.
test('every preset runs to the same summary and event count in Chromium as in Node', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const code = await browserBundle(new URL('./presetSummaries.ts', import.meta.url), 'replay');
  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
  const inBrowser = await page.evaluate(() =>
    (window as unknown as Replay).replay.presetSummaries(),
  );
  const context: Partial<Replay> = {};
  runInNewContext(code, context);
  const inNode = context.replay!.presetSummaries();
  expect(Object.keys(inBrowser)).toEqual(Object.keys(inNode));
  for (const [id, summary] of Object.entries(inNode)) expect.soft(inBrowser[id], id).toBe(summary);
});
