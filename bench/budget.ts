/**
 * Performance budget of the built site (not a test): the gzipped JavaScript the first screen
 * loads (index.html's entry script and everything it imports statically; the simulation worker
 * and lazily imported chunks come later and are listed apart) and the first contentful paint on
 * localhost in headless Chromium, the median of five cold loads (a fresh browser context each:
 * empty HTTP cache, no service worker). Run with `npm run budget` (it builds first); it exits
 * with status 1 when a figure is over budget. The figures go in the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startPreview } from './previewServer.ts';

const BUDGET_JS_KB = 200;
const BUDGET_FCP_MS = 1000;
const LOADS = 5;
const PORT = 4180;
const DIST = 'dist';

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

// ---- First-screen JavaScript ----

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entries = [
  ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
  ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
].map((m) => posix.normalize(m[1]!.replace(/^\.?\//, '')));
if (entries.length === 0) throw new Error(`no module script in ${DIST}/index.html`);

/** A chunk and, transitively, what it imports statically (`import(…)` is lazy: not followed). */
const firstScreen = new Set<string>();
const pending = [...entries];
while (pending.length > 0) {
  const file = pending.pop()!;
  if (firstScreen.has(file)) continue;
  firstScreen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const m of code.matchAll(
    /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
  ))
    pending.push(posix.join(posix.dirname(file), m[1]!));
}

const allJs = listFiles(DIST).filter((f) => f.endsWith('.js') && f !== 'sw.js');
const later = allJs.filter((f) => !firstScreen.has(f));
const css = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) =>
  posix.normalize(m[1]!.replace(/^\.?\//, '')),
);
const jsGzip = [...firstScreen].reduce((sum, f) => sum + gzipped(f), 0);

console.log('Balancer Playground performance budget (gzip -9, 1 kB = 1000 bytes)\n');
console.log("First-screen JavaScript (index.html's entry and its static imports):");
for (const f of [...firstScreen].sort())
  console.log(
    `  ${f.padEnd(40)} ${kb(readFileSync(join(DIST, f)).length).padStart(7)} kB raw ${kb(gzipped(f)).padStart(7)} kB gzip`,
  );
console.log(
  `  ${'total'.padEnd(40)} ${''.padStart(14)} ${kb(jsGzip).padStart(7)} kB gzip   budget ${BUDGET_JS_KB} kB   ${verdict(jsGzip <= BUDGET_JS_KB * 1000)}`,
);
const row = (f: string) =>
  `  ${f.padEnd(40)} ${''.padStart(14)} ${kb(gzipped(f)).padStart(7)} kB gzip`;
console.log('Not counted: JavaScript loaded after the first screen (the worker) or on demand:');
for (const f of later) console.log(row(f));
console.log('Not counted: the first screen also loads its stylesheet:');
for (const f of css) console.log(row(f));

// ---- First contentful paint ----

const url = `http://127.0.0.1:${PORT}/`;
const { fcp, cpu } = await measureLoads(url);
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const ms = (times: number[]) => times.map((t) => `${t.toFixed(0)} ms`).join(', ');
console.log(`\nFirst contentful paint at ${url}, ${LOADS} cold loads in headless Chromium`);
console.log(
  `(fresh context each: empty cache, no service worker; load average ${load} on ${availableParallelism()} CPUs):`,
);
console.log(`  runs   ${ms(fcp)}`);
console.log(
  `  median ${median(fcp).toFixed(0)} ms   budget under ${BUDGET_FCP_MS} ms   ${verdict(median(fcp) < BUDGET_FCP_MS)}`,
);
// Wall-clock FCP grows with whatever else the machine runs; CPU time spent by the page's main
// thread before its first paint hardly does, so it tells a slow page from a busy machine.
console.log(`Main-thread CPU time before the first paint (${LOADS} more loads, traced):`);
console.log(`  runs   ${ms(cpu)}`);
console.log(`  median ${median(cpu).toFixed(0)} ms`);
if (median(fcp) >= BUDGET_FCP_MS || jsGzip > BUDGET_JS_KB * 1000) process.exitCode = 1;

/** One Chromium trace event, as far as it is read here. */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  /** CPU time of a complete ("X") event, in microseconds. */
  readonly tdur?: number;
}

/**
 * Loads the built site (served by `vite preview`) `LOADS` times for its first contentful paint,
 * then `LOADS` times under tracing for the main thread's CPU time until that paint.
 */
async function measureLoads(address: string): Promise<{ fcp: number[]; cpu: number[] }> {
  const server = await startPreview(PORT);
  try {
    const browser = await chromium.launch(chromiumLaunchOptions);
    const fcp: number[] = [];
    const cpu: number[] = [];
    // One load more than counted: the first also pays for starting the renderer and network
    // processes, which a visitor's already-running browser does not.
    for (let i = -1; i < 2 * LOADS; i++) {
      const traced = i >= LOADS;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      if (traced)
        await browser.startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
        });
      await page.goto(address);
      // Polled each animation frame until Chromium records the paint (a number, never 0).
      const paint = await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      );
      if (!traced && i >= 0) fcp.push((await paint.jsonValue()) as number);
      if (traced) cpu.push(cpuBeforePaint(await browser.stopTracing()));
      await context.close();
    }
    await browser.close();
    return { fcp, cpu };
  } finally {
    server.stop();
  }
}

/** CPU ms of the tasks the painting thread ran up to the first contentful paint. */
function cpuBeforePaint(trace: Buffer): number {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const paint = events.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) return NaN;
  let micros = 0;
  for (const e of events)
    if (e.name === 'RunTask' && e.ph === 'X' && e.pid === paint.pid && e.tid === paint.tid)
      if (e.ts <= paint.ts) micros += e.tdur ?? 0;
  return micros / 1000;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function verdict(ok: boolean): string {
  return ok ? 'within budget' : 'OVER BUDGET';
}

/** Files under `dir`, relative and "/"-separated. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(/[\\/]/).join('/'));
}
