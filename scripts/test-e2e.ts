/**
 * `npm run test:e2e`: makes sure there is a Chromium to drive (see browserSetup.ts), builds the
 * site and runs Playwright, passing on any arguments (`npm run test:e2e -- e2e/learn.spec.ts`).
 * Without a browser it stops here with one line saying what to install.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ensureBrowser, type BrowserHost } from './browserSetup.ts';

function run(command: string, args: readonly string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', timeout: timeoutMs });
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const host: BrowserHost = {
  env: process.env,
  uid: process.getuid?.() ?? -1,
  exists: existsSync,
  playwrightChromium: () => chromium.executablePath(),
  hasCommand: (name) =>
    spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0,
  run,
  log: (line) => console.log(line),
};

const outcome = await ensureBrowser(host);
if (!outcome.ok) {
  console.error(outcome.message);
  process.exit(1);
}
const env = { ...process.env };
if (outcome.browser.path) env.PLAYWRIGHT_CHROMIUM = outcome.browser.path;

const step = (command: string, args: string[]) =>
  new Promise<number>((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
  });

const built = await step('node_modules/.bin/vite', ['build']);
if (built !== 0) process.exit(built);
process.exit(await step('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)]));
