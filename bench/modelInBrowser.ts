import type { Browser } from '@playwright/test';
import { browserBundle } from '../e2e/browserBundle.ts';
import type { ModelComparison } from './modelRuns.ts';

/**
 * The reference-model benchmark of `npm run bench` (modelRuns.ts), run in a dedicated worker of
 * `browser`'s Chromium: the same engine and reference code, bundled with esbuild, timed by the
 * worker's wall clock. The two simulators' speeds differ between JavaScript engines (V8 in
 * Chromium is not Node's), and the browser is where the playground runs.
 */
export async function modelRunsInBrowser(
  browser: Browser,
  arrivals: number,
  runs: number,
): Promise<ModelComparison> {
  const code = await browserBundle(new URL('./modelRunsWorker.ts', import.meta.url));
  // A blank page: the built site's content security policy rightly refuses workers from blobs.
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      ({ code, arrivals, runs }) =>
        new Promise<ModelComparison>((resolve, reject) => {
          const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
          const worker = new Worker(url);
          worker.onmessage = (e: MessageEvent<ModelComparison>) => {
            worker.terminate();
            resolve(e.data);
          };
          worker.onerror = (e) => reject(new Error(`the benchmark worker failed: ${e.message}`));
          worker.postMessage({ arrivals, runs });
        }),
      { code, arrivals, runs },
    );
  } finally {
    await page.close();
  }
}
