/**
 * UI benchmark (not a test): drives the built playground in headless Chromium with the large-pool
 * preset (100 servers, 5,000 requests per simulated second) at 10x speed for 20 seconds and reports
 * frames per second, the longest main-thread task and worker-to-page messages per second.
 * Run with `npm run bench:ui` (it builds first); figures go in the README.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startPreview } from './previewServer.ts';

const PORT = 4179;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const server = await startPreview(PORT);
try {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx compiles this file keeping function names through a `__name` helper that the page lacks.
  await page.addInitScript('window.__name = (f) => f;');
  // Count messages from the worker and long tasks before the app starts.
  await page.addInitScript(() => {
    const stats = { messages: 0, longTasks: [] as number[], frames: [] as number[] };
    (window as unknown as { __bench: typeof stats }).__bench = stats;
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', () => stats.messages++);
      }
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) stats.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}?preset=large-pool`);
  await page.getByTestId('server.row').nth(99).waitFor();
  await page.getByTestId('controls.speed').selectOption('10');
  await page.getByTestId('controls.play').click();
  await page.waitForTimeout(1000); // let the pool fill before measuring

  const result = await page.evaluate(async (seconds) => {
    const stats = (window as unknown as { __bench: { messages: number; longTasks: number[] } })
      .__bench;
    const startMessages = stats.messages;
    const startLong = stats.longTasks.length;
    const frameTimes: number[] = [];
    const start = performance.now();
    await new Promise<void>((done) => {
      const frame = (t: number) => {
        frameTimes.push(t);
        if (t - start < seconds * 1000) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    const elapsed = (performance.now() - start) / 1000;
    // Frames per second over each whole second.
    const perSecond: number[] = [];
    for (let s = 0; s < Math.floor(elapsed); s++) {
      perSecond.push(
        frameTimes.filter((t) => t - start >= s * 1000 && t - start < (s + 1) * 1000).length,
      );
    }
    perSecond.sort((a, b) => a - b);
    const longTasks = stats.longTasks.slice(startLong);
    return {
      medianFps: perSecond[Math.floor(perSecond.length / 2)] ?? 0,
      minFps: perSecond[0] ?? 0,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      longTasks: longTasks.length,
      messagesPerSec: (stats.messages - startMessages) / elapsed,
      simSeconds: Number.parseFloat(
        document.querySelector('[data-testid="clock"]')?.textContent ?? '0',
      ),
    };
  }, SECONDS);
  await browser.close();

  console.log(
    `Balancer Playground UI benchmark · large-pool (100 servers, 5,000 req/s) at 10x for ${SECONDS} s`,
  );
  console.log(
    `frames per second   median ${result.medianFps}, worst second ${result.minFps} (target >= 50)`,
  );
  console.log(
    `longest main task   ${result.longestTaskMs.toFixed(0)} ms over 50 ms: ${result.longTasks} (target: none over 50 ms)`,
  );
  console.log(`worker->page msgs   ${result.messagesPerSec.toFixed(1)} per second (target <= 60)`);
  console.log(`simulated time      ${result.simSeconds.toFixed(1)} s at the end`);
} finally {
  server.stop();
}
