/**
 * When the page has settled: every deferred panel has loaded its code and been laid out once
 * (none still shows its aria-busy placeholder), then an idle moment. From then on index.css
 * lets panels out of view skip their work, their real sizes remembered, so scrolling never moves
 * the page. Gives up waiting after `maxMs` (a panel that never loads still has its reserved room).
 */
export function whenSettled(callback: () => void, maxMs = 10_000): () => void {
  const started = performance.now();
  let cancelIdle = () => {};
  const poll = window.setInterval(() => {
    const loading = document.querySelector('.panel[aria-busy="true"]') !== null;
    if (loading && performance.now() - started < maxMs) return;
    window.clearInterval(poll);
    cancelIdle = onIdle(callback);
  }, 100);
  return () => {
    window.clearInterval(poll);
    cancelIdle();
  };
}

/** An idle moment (within a second); Safari has no requestIdleCallback, so a short timeout there. */
function onIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(callback, { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, 200);
  return () => window.clearTimeout(id);
}
