/**
 * Resolves in a later task, so the browser can paint and answer input in between: what a long
 * piece of page work awaits between its stages to stay under the 50 ms a "long task" starts at.
 * `scheduler.yield()` where the browser has it (it keeps the work ahead of other queued tasks),
 * else a message to ourselves (no 4 ms timer clamp), else a timer (Node, in tests).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function' && typeof window !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
