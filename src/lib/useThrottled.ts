import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * The latest `value`, passed on at most once every `ms` of real time (the last one always
 * arrives). Big pictures (100 servers) redraw a few times a second instead of on every 60 Hz
 * snapshot; with `ms` 0 the value passes straight through.
 *
 * A throttled value is passed on in a transition: React renders what depends on it in slices,
 * between which the page paints and answers clicks, and drops a render overtaken by a newer one.
 * (10,000 servers' first picture is then no single task of a quarter second.) When `ms` changes
 * (a pool grew past a threshold) the new value follows at once, in the same way, and the old one
 * is never shown meanwhile longer than that transition takes.
 */
export function useThrottled<T>(value: T, ms: number): T {
  // Remembers the interval it was throttled at, so a switch from 0 is seen.
  const [shown, setShown] = useState({ value, ms });
  const current = useRef(shown);
  current.current = shown;
  const last = useRef(0);
  useEffect(() => {
    if (ms <= 0) return;
    const held = current.current;
    if (held.ms === ms && Object.is(held.value, value)) return;
    const wait = held.ms !== ms ? 0 : Math.max(0, last.current + ms - performance.now());
    const id = window.setTimeout(() => {
      last.current = performance.now();
      startTransition(() => setShown({ value, ms }));
    }, wait);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return ms <= 0 ? value : shown.value;
}
