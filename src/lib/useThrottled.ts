import { useEffect, useRef, useState } from 'react';

/**
 * The latest `value`, passed on at most once every `ms` of real time (the last one always
 * arrives). Big pictures (100 servers) redraw a few times a second instead of on every 60 Hz
 * snapshot; with `ms` 0 the value passes straight through.
 */
export function useThrottled<T>(value: T, ms: number): T {
  // Remembers the interval it was throttled at, so a switch from 0 never shows an old value.
  const [shown, setShown] = useState({ value, ms });
  const last = useRef(0);
  useEffect(() => {
    if (ms <= 0) return;
    const wait = Math.max(0, last.current + ms - performance.now());
    const id = window.setTimeout(() => {
      last.current = performance.now();
      setShown({ value, ms });
    }, wait);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return ms <= 0 || shown.ms !== ms ? value : shown.value;
}
