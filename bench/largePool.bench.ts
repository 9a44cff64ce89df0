/**
 * Large-pool benchmark (not a test): opens the built playground from a share link holding a pool
 * of 300, 1,000 and 10,000 servers (steady Poisson traffic at about two thirds of capacity) and
 * reports how long the page takes to show the pool, the longest main-thread task while loading,
 * how long a click (Play) takes to show its effect, the longest task and frame rate while the run
 * plays, the median time a crash clicked in a server's row takes to show (a bulk edit, one server
 * after another), and the JavaScript heap of the page and of the simulation worker.
 * Run with `npm run bench:pool` (it builds first); `POOL_SIZES=10000` picks sizes.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startPreview } from './previewServer.ts';
import { largePoolHash } from '../e2e/largePool.ts';

const PORT = 4181;
const SIZES = (process.env.POOL_SIZES ?? '300,1000,10000').split(',').map(Number);
const PLAY_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Servers crashed one by one from their rows, for the median time a bulk edit takes. */
const CRASHES = 15;

interface Stats {
  longTasks: Array<{ start: number; duration: number }>;
  frames: number[];
}

/** JavaScript heap in use (after a garbage collection) of the page and of its workers, MB. */
async function heapMb(page: Page): Promise<{ page: number; worker: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  // Workers are reached through the page's session (non-flat attach: messages in envelopes).
  const replies = new Map<string, (value: number) => void>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const reply = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (reply.id === 2) replies.get(e.sessionId!)?.(reply.result?.usedSize ?? NaN);
  });
  const attached: string[] = [];
  session.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') attached.push(e.sessionId);
  });
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await new Promise((r) => setTimeout(r, 300));
  let worker = 0;
  for (const sessionId of attached) {
    const used = new Promise<number>((resolve) => replies.set(sessionId, resolve));
    for (const [id, method] of [
      [1, 'HeapProfiler.collectGarbage'],
      [2, 'Runtime.getHeapUsage'],
    ] as const)
      await session.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method }),
      });
    worker += await Promise.race([
      used,
      new Promise<number>((r) => setTimeout(() => r(NaN), 5000)),
    ]);
  }
  return { page: usedSize / 1e6, worker: worker / 1e6 };
}

async function measure(url: string, size: number) {
  const hash = largePoolHash(size);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript('window.__name = (f) => f;');
    await page.addInitScript(() => {
      const stats: Stats = { longTasks: [], frames: [] };
      (window as unknown as { __bench: Stats }).__bench = stats;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          stats.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const wanted = `${size.toLocaleString('en-US')} up`;
    await page.goto(`${url}?motion=0${hash}`);
    // The page shows the pool: the servers panel counts every server.
    const shownAt = await page.evaluate(async (text) => {
      for (;;) {
        const el = document.querySelector('[data-testid="servers.count"], .servers-count');
        if (el?.textContent?.replace(/,/g, '').includes(text.replace(/,/g, '')))
          return performance.now();
        await new Promise((r) => setTimeout(r, 5));
      }
    }, wanted);
    // Settle, then a click and the time until the page shows its effect.
    await page.waitForTimeout(1500);
    const loadTasks = await page.evaluate(() => (window as unknown as { __bench: Stats }).__bench);
    const clickMs = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="controls.play"]')!;
      const start = performance.now();
      button.click();
      for (;;) {
        if (button.getAttribute('aria-pressed') === 'true') return performance.now() - start;
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    const playing = await page.evaluate(async (seconds) => {
      const stats = (window as unknown as { __bench: Stats }).__bench;
      const from = stats.longTasks.length;
      const frames: number[] = [];
      const start = performance.now();
      await new Promise<void>((done) => {
        const frame = (t: number) => {
          frames.push(t);
          if (t - start < seconds * 1000) requestAnimationFrame(frame);
          else done();
        };
        requestAnimationFrame(frame);
      });
      const tasks = stats.longTasks.slice(from).map((t) => t.duration);
      return {
        fps: frames.length / ((performance.now() - start) / 1000),
        longest: tasks.length ? Math.max(...tasks) : 0,
        over50: tasks.length,
        clock: document.querySelector('[data-testid="clock"]')?.textContent ?? '',
      };
    }, PLAY_SECONDS);
    const pauseMs = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="controls.play"]')!;
      const start = performance.now();
      button.click();
      for (;;) {
        if (button.getAttribute('aria-pressed') === 'false') return performance.now() - start;
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    // Bulk edits: servers crashed one by one from their rows (paused), each timed from the click
    // to the count of servers up showing it.
    const crashMs = await page.evaluate(async (count) => {
      const times: number[] = [];
      const shown = document.querySelector('[data-testid="servers.count"]')!;
      for (let i = 0; i < count; i++) {
        const before = shown.textContent;
        // The i-th row's own button (a crashed row may show its Crash button a moment longer).
        const row = document.querySelectorAll('[data-testid="server.row"]')[i];
        const button = row?.querySelector<HTMLButtonElement>('[data-testid="server.crash"]');
        if (!button) break;
        const start = performance.now();
        button.click();
        while (shown.textContent === before && performance.now() - start < 10_000)
          await new Promise((r) => requestAnimationFrame(r));
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return times.length ? times[Math.floor(times.length / 2)]! : NaN;
    }, CRASHES);
    const memory = await heapMb(page);
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const loading = loadTasks.longTasks.filter((t) => t.start <= shownAt + 1500);
    return {
      size,
      linkKb: hash.length / 1000,
      shownMs: shownAt,
      loadLongest: loading.length ? Math.max(...loading.map((t) => t.duration)) : 0,
      loadOver50: loading.length,
      clickMs,
      pauseMs,
      crashMs,
      ...playing,
      memory,
      domNodes,
    };
  } finally {
    await browser.close();
  }
}

const server = await startPreview(PORT);
try {
  console.log('Balancer Playground large-pool benchmark (share link, 1280x800, motion off)');
  console.log(
    'servers  link kB  shown ms  longest load task ms (>50)  click ms  playing: fps  longest ms (>50)  pause ms  crash ms (median)  heap page/worker MB  DOM nodes',
  );
  for (const size of SIZES) {
    const r = await measure(server.url, size);
    console.log(
      [
        String(r.size).padStart(7),
        r.linkKb.toFixed(1).padStart(8),
        r.shownMs.toFixed(0).padStart(9),
        `${r.loadLongest.toFixed(0)} (${r.loadOver50})`.padStart(27),
        r.clickMs.toFixed(0).padStart(9),
        r.fps.toFixed(0).padStart(13),
        `${r.longest.toFixed(0)} (${r.over50})`.padStart(17),
        r.pauseMs.toFixed(0).padStart(9),
        r.crashMs.toFixed(0).padStart(18),
        `${r.memory.page.toFixed(0)}/${r.memory.worker.toFixed(0)}`.padStart(20),
        String(r.domNodes).padStart(10),
      ].join(' '),
    );
  }
} finally {
  server.stop();
}
