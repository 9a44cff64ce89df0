import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './build/serviceWorker.ts';
import { socialUrls } from './build/socialUrls.ts';
import { readAppVersion, versionInHtml } from './build/version.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const appVersion = readAppVersion(root);

/** A strict CSP for the built site only: the dev server needs inline scripts for hot reload. */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    // Compiling the strategy sandbox (QuickJS) needs 'wasm-unsafe-eval'; never 'unsafe-eval'.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self'",
    // blob: for the PNG download of a chart, drawn from an SVG the page itself made.
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    versionInHtml(appVersion.label),
    // The Pages workflow passes the site's address so link previews get absolute image URLs.
    socialUrls(process.env.SITE_URL),
    serviceWorker({
      version: appVersion.commit
        ? `${appVersion.version}+${appVersion.commit}`
        : appVersion.version,
      // Only link-preview crawlers fetch the social image; it is not part of the app.
      exclude: (path) => path === 'og-image.png',
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(appVersion.label) },
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'zod'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The timing report is noise on a busy 2-core machine; the build stays warning-free.
    rolldownOptions: {
      checks: { pluginTimings: false },
      // Two pages: the playground and the about page (plain HTML and CSS, no script).
      input: { index: `${root}index.html`, about: `${root}about.html` },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // One seed for every property test, so CI checks the same cases each time (FC_SEED=random explores).
    setupFiles: ['scripts/propertySeed.ts'],
    // Property tests run thousands of cases; a busy 2-core machine needs more than the default 5 s.
    testTimeout: 30_000,
  },
});
