/**
 * UI benchmark (not a test): drives the built playground in headless Chromium with the large-pool
 * preset (100 servers, 5,000 requests per simulated second). First at 10x speed for 20 seconds:
 * frames per second, the longest main-thread task and worker-to-page messages per second. Then at
 * "max", three times from a fresh page, then three times again on the last page after Reset (its
 * JavaScript already compiled by the run before, as for someone who plays a second time):
 * simulated requests per wall second, frames per second, snapshots the page received per second,
 * the worker thread's CPU share, and how long the worker took to answer Pause.
 * Run with `npm run bench:ui` (it builds first); figures go in the README.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { median } from './measure.ts';
import { startPreview } from './previewServer.ts';
import { readWorkerThreads, workerShare, type WorkerShare } from './workerThreadTime.ts';
import { formatCount } from '../src/lib/format.ts';
import { modelRunsInBrowser } from './modelInBrowser.ts';
import { perRunRatios, type ModelComparison, type ModelRun } from './modelRuns.ts';

const PORT = 4179;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** The part of `window.__bench` (see instrument) that the runs at "max" read: the worker's replies. */
type Stats = { replies: { path: string; sent: number; ms: number }[] };

/**
 * Where a run at "max" stops being measured and the page presses Pause: 150 simulated seconds
 * before large-pool's traffic ends (at 600 s), so the Pause always reaches a running simulation.
 */
const MAX_PHASE_SIM_S = 450;
const MAX_PHASE_WALL_S = 8;
const MAX_RUNS = 3;
/** The reference model as `npm run bench` runs it: arrivals per run, and runs of each. */
const MODEL_ARRIVALS = 3e6;
const MODEL_RUNS = 5;

/**
 * Before the app starts: count worker messages and long tasks, and time the worker's answers to
 * comlink calls by their ids (a call to `pause` or `snapshot` and the reply with the same id).
 */
function instrument(): void {
  const stats = {
    messages: 0,
    longTasks: [] as number[],
    sentAt: new Map<string, { path: string; at: number }>(),
    replies: [] as { path: string; sent: number; ms: number }[],
  };
  (window as unknown as { __bench: typeof stats }).__bench = stats;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent) => {
        stats.messages++;
        const id = (e.data as { id?: string } | null)?.id;
        const sent = id === undefined ? undefined : stats.sentAt.get(id);
        if (sent && id !== undefined) {
          stats.sentAt.delete(id);
          stats.replies.push({ path: sent.path, sent: sent.at, ms: performance.now() - sent.at });
        }
      });
    }
    override postMessage(message: unknown, transfer?: unknown): void {
      const m = message as { id?: string; path?: string[] } | null;
      if (m?.id !== undefined && m.path?.length)
        stats.sentAt.set(m.id, { path: m.path.join('.'), at: performance.now() });
      super.postMessage(message, transfer as Transferable[]);
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) stats.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

interface MaxRun {
  requestsPerSec: number;
  medianFps: number;
  minFps: number;
  snapshotsPerSec: number;
  pauseMs: number;
  wallS: number;
  /** The worker thread's shares of the window's wall time (Linux only). */
  worker: WorkerShare | null;
}

/**
 * One "max" run, from a fresh page or (`fresh` false) after Reset on the page as the last run left
 * it: the figures over the window, then Pause and its answer.
 */
async function maxRun(page: Page, url: string, fresh: boolean): Promise<MaxRun> {
  if (fresh) {
    await page.goto(`${url}?preset=large-pool`);
    await page.getByTestId('servers.count').filter({ hasText: '100 of 100 up' }).waitFor();
  } else {
    await page.getByTestId('controls.reset').click();
    await page
      .getByTestId('clock')
      .filter({ hasText: /^0(\.0+)? s/ })
      .waitFor();
  }
  await page.getByTestId('controls.speed').selectOption('max');
  await page.getByTestId('controls.play').click();
  await page.waitForTimeout(300);
  const threadsBefore = readWorkerThreads();
  const wallBefore = performance.now();
  const run = await page.evaluate(
    async ({ maxSim, maxWall }) => {
      const stats = (window as unknown as { __bench: Stats }).__bench;
      const total = () =>
        Number(
          (document.querySelector('[data-testid="summary.total"]')?.textContent ?? '0').replace(
            /,/g,
            '',
          ),
        );
      const simSeconds = () =>
        Number.parseFloat(document.querySelector('[data-testid="clock"]')?.textContent ?? '0');
      const frames: number[] = [];
      const start = performance.now();
      const startTotal = total();
      let endTotal = startTotal;
      let end = start;
      let pauseFrom = 0;
      await new Promise<void>((done) => {
        const frame = (t: number) => {
          frames.push(t);
          const n = total();
          if (n !== endTotal) {
            endTotal = n;
            end = t;
          }
          if (t - start < maxWall * 1000 && simSeconds() < maxSim) requestAnimationFrame(frame);
          else {
            // Pause at once, from the page: pressed from the test after the window, a slow
            // machine's Pause could come a second later and find the run already over.
            pauseFrom = stats.replies.length;
            document.querySelector<HTMLButtonElement>('[data-testid="controls.play"]')?.click();
            done();
          }
        };
        requestAnimationFrame(frame);
      });
      const wall = (end - start) / 1000;
      const framesS = (frames[frames.length - 1]! - start) / 1000;
      const perSecond: number[] = [];
      for (let s = 0; s + 1 <= framesS; s++)
        perSecond.push(
          frames.filter((t) => t - start >= s * 1000 && t - start < (s + 1) * 1000).length,
        );
      // On a fast machine the window is over within a second: then the rate over all of it.
      if (perSecond.length === 0 && framesS > 0)
        perSecond.push(Math.round(frames.length / framesS));
      perSecond.sort((a, b) => a - b);
      const snapshots = stats.replies.filter(
        (r) => r.path === 'snapshot' && r.sent >= start,
      ).length;
      return {
        requestsPerSec: (endTotal - startTotal) / wall,
        medianFps: perSecond[Math.floor(perSecond.length / 2)] ?? 0,
        minFps: perSecond[0] ?? 0,
        snapshotsPerSec: snapshots / ((performance.now() - start) / 1000),
        wallS: wall,
        pauseFrom,
      };
    },
    { maxSim: MAX_PHASE_SIM_S, maxWall: MAX_PHASE_WALL_S },
  );
  const worker = workerShare(threadsBefore, readWorkerThreads(), performance.now() - wallBefore);
  // The page pressed Pause as the window ended; only this Pause's answer counts (after Reset,
  // the runs before left theirs in the list).
  const { pauseFrom, ...figures } = run;
  await page.waitForTimeout(500);
  const pauseMs = await page.evaluate((from) => {
    const replies = (window as unknown as { __bench: Stats }).__bench.replies;
    return (
      replies
        .slice(from)
        .filter((r) => r.path === 'pause')
        .at(-1)?.ms ?? NaN
    );
  }, pauseFrom);
  return { ...figures, pauseMs, worker };
}

const server = await startPreview(PORT);
try {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx compiles this file keeping function names through a `__name` helper that the page lacks.
  await page.addInitScript('window.__name = (f) => f;');
  await page.addInitScript(instrument);
  await page.goto(`${server.url}?preset=large-pool`);
  await page.getByTestId('servers.count').filter({ hasText: '100 of 100 up' }).waitFor();
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
  const maxRuns: MaxRun[] = [];
  for (let i = 0; i < MAX_RUNS; i++) maxRuns.push(await maxRun(page, server.url, true));
  const warmRuns: MaxRun[] = [];
  for (let i = 0; i < MAX_RUNS; i++) warmRuns.push(await maxRun(page, server.url, false));
  await page.close();
  const model = await modelRunsInBrowser(browser, MODEL_ARRIVALS, MODEL_RUNS);
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
  printMaxRuns(`${MAX_RUNS} runs from a fresh page`, maxRuns);
  printMaxRuns(
    `${MAX_RUNS} runs after Reset on the same page, its code already compiled`,
    warmRuns,
  );
  printModelRuns(model);
} finally {
  server.stop();
}

/** The figures of a set of "max" runs. */
function printMaxRuns(title: string, runs: readonly MaxRun[]): void {
  console.log(
    `\nat "max" (${title}, each until ${MAX_PHASE_SIM_S} simulated s or ${MAX_PHASE_WALL_S} s of wall time)`,
  );
  console.log(
    `simulated requests  ${formatCount(median(runs.map((r) => r.requestsPerSec)))} per wall second, median ` +
      `(runs: ${runs.map((r) => `${formatCount(r.requestsPerSec)} over ${r.wallS.toFixed(1)} s`).join(', ')}) (target >= 1,000,000)`,
  );
  console.log(
    `frames per second   median ${median(runs.map((r) => r.medianFps))}, worst second ${Math.min(...runs.map((r) => r.minFps))} (target >= 30)` +
      (runs.some((r) => r.wallS < 1) ? '; a run under a second counts as one' : ''),
  );
  console.log(
    `snapshots received  ${median(runs.map((r) => r.snapshotsPerSec)).toFixed(1)} per second (the page asks 5 a second for 100 servers)`,
  );
  const measured = runs.flatMap((r) => (r.worker === null ? [] : [{ ...r, ...r.worker }]));
  if (measured.length === runs.length) {
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    console.log(
      `worker thread       on a CPU ${measured.map((r) => pct(r.onCpu)).join(', ')} of the wall time, ` +
        `ready but waiting for one ${measured.map((r) => pct(r.waiting)).join(', ')}`,
    );
    console.log(
      `per worker CPU s    ${measured.map((r) => formatCount(r.requestsPerSec / r.onCpu)).join(', ')} simulated requests`,
    );
  } else console.log('worker thread       CPU share not measured (needs Linux /proc)');
  console.log(
    `Pause answered in   ${runs.map((r) => (Number.isFinite(r.pauseMs) ? `${r.pauseMs.toFixed(0)} ms` : 'no answer (the run had ended first)')).join(', ')} (target <= 200 ms)`,
  );
}

/** The reference model in a worker in Chromium: the engine's time against the reference's. */
function printModelRuns({ reference, engine }: ModelComparison) {
  const ratio = median(engine.map((r) => r.msPer)) / median(reference.map((r) => r.msPer));
  const perSec = (runs: ModelRun[]) => formatCount(1000 / median(runs.map((r) => r.msPer)));
  console.log(
    `\nreference model in a worker in Chromium (as npm run bench: ${formatCount(MODEL_ARRIVALS)} arrivals, median of ${MODEL_RUNS} alternated runs, wall clock)`,
  );
  console.log(
    `engine / reference  ${ratio.toFixed(2)}x (per run: ${perRunRatios(reference, engine, (r) => r.msPer)}); ` +
      `reference ${perSec(reference)} req/s, engine ${perSec(engine)} req/s`,
  );
}
