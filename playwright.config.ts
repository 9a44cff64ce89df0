import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';
import { SUBFOLDER_PORT, SUBFOLDER_PREFIX } from './e2e/serveSubfolder.ts';

const subfolderUrl = `http://127.0.0.1:${SUBFOLDER_PORT}${SUBFOLDER_PREFIX}`;
// PW_BASE_URL points the root project at a server already running (e.g. a dev server on another
// port), so work in progress can be checked without rebuilding dist/.
const baseUrl = process.env.PW_BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      // The built site at a domain root, as `npm run preview` serves it.
      name: 'root',
      testIgnore: '**/offline.spec.ts',
      use: { baseURL: baseUrl ?? 'http://127.0.0.1:4173/' },
    },
    {
      // The same build from a sub-folder, as GitHub Pages serves a project site.
      name: 'subfolder',
      testMatch: '**/offline.spec.ts',
      use: { baseURL: subfolderUrl },
    },
  ],
  webServer: baseUrl ? [] : [
    {
      command: 'node_modules/.bin/vite preview --host 127.0.0.1 --port 4173 --strictPort',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node --import tsx e2e/serveSubfolder.ts --port ${SUBFOLDER_PORT}`,
      url: subfolderUrl,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
