import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';
import { findBrowser } from '../scripts/browserSetup.ts';

// The browser `npm run test:e2e` found or set up (scripts/browserSetup.ts): PLAYWRIGHT_CHROMIUM,
// Debian's Chromium, or Playwright's own download (its default: no executablePath).
const found = findBrowser({
  env: process.env,
  exists: existsSync,
  playwrightChromium: () => chromium.executablePath(),
});

/** How the tests and the browser benchmarks start Chromium: headless, offline-quiet, on any host. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: found?.ok ? (found.browser.path ?? undefined) : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
