/*
 * The service worker of Balancer Playground. This file is a template, not a module of the app:
 * build/serviceWorker.ts prepends
 *   const CACHE_VERSION = '…';   // package version + commit + hash of the precached files
 *   const PRECACHE = ['index.html', 'assets/index-….js', …];   // relative to sw.js
 * and writes the result as dist/sw.js. Plain JavaScript, no imports: it must run as a classic
 * worker in every browser, from any folder it is served from.
 */
/* global self, caches, fetch, Request, Response, URL, CACHE_VERSION, PRECACHE */

// Caches are shared by the whole origin: the scope in the name keeps two copies of the site in
// different folders from deleting each other's caches.
const PREFIX = `balancer-playground ${self.registration.scope} `;
const CACHE = PREFIX + CACHE_VERSION;
/** The folder sw.js is served from: every precached path is relative to it. */
const BASE = new URL('./', self.location.href);
const PRECACHED = new Set(PRECACHE.map((path) => new URL(path, BASE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  // The first visit's page was loaded without us: take it over at once so it works offline
  // from now on. Old versions' caches go (a new worker only activates once no page uses them).
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, url));
    return;
  }
  const key = withoutQuery(url);
  if (PRECACHED.has(key)) event.respondWith(cacheFirst(request, key));
});

/** Fetches every file of this version past the HTTP cache, so a stale copy is never kept. */
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...PRECACHED].map(async (href) => {
      const response = await fetch(new Request(href, { cache: 'reload' }));
      if (!response.ok) throw new Error(`precache: ${href} answered ${response.status}`);
      await cache.put(href, await unredirected(response));
    }),
  );
}

/** Hashed assets never change under the same name: the cached copy is the right one. */
async function cacheFirst(request, key) {
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached ?? fetch(request);
}

/**
 * Pages come from the network when it answers, so a new deployment shows at once; offline (or
 * when the host fails) the page of this version comes from the cache.
 */
async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (response.status < 500) return response;
    return (await cachedPage(url)) ?? response;
  } catch (error) {
    const cached = await cachedPage(url);
    if (cached) return cached;
    throw error;
  }
}

/** The precached page for a navigation: a folder means its index.html; the query is ignored. */
function cachedPage(url) {
  const key = withoutQuery(url);
  const page = key.endsWith('/') ? `${key}index.html` : key;
  return PRECACHED.has(page) ? caches.match(page, { cacheName: CACHE }) : Promise.resolve(null);
}

function withoutQuery(url) {
  return url.origin + url.pathname;
}

/**
 * Some hosts redirect index.html to its folder or drop ".html"; a redirected response may not
 * answer a navigation, so the body is stored as a plain response.
 */
async function unredirected(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
