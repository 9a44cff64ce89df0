import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// Debian's Chromium where it is installed (browser downloads are blocked here); otherwise
// Playwright's own browser, for machines that can fetch it.
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** How the tests and the browser benchmarks start Chromium: headless, offline-quiet, on any host. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: existsSync(systemChromium) ? systemChromium : undefined,
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
