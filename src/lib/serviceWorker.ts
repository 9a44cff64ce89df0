/**
 * Registers the service worker that build/serviceWorker.ts writes next to index.html, so the
 * playground opens offline after the first visit. Production builds only: the dev server has no
 * sw.js, and a worker caching hot-reloaded modules would serve stale code.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Relative to the page, so a copy served from /any/sub-folder/ registers its own worker with
  // that folder as its scope. After load, so precaching never competes with the first screen.
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Offline use is an extra: where service workers are refused (private windows, file://,
      // plain http off localhost) the page works as before, online.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
