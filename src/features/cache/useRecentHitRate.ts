import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/hooks.tsx';
import { LookupWindow, type WindowedRate } from './lookupWindow.ts';

/** The cache's hit rate over its most recent lookups (see LookupWindow), as snapshots arrive. */
export function useRecentHitRate(): WindowedRate | null {
  const store = useAppStore();
  const [rate, setRate] = useState<WindowedRate | null>(null);
  useEffect(() => {
    const window = new LookupWindow();
    const take = (cache: { hits: number; misses: number } | undefined) => {
      if (!cache) return;
      window.push(cache.hits, cache.misses);
      const next = window.rate();
      setRate((prev) =>
        prev?.rate === next?.rate && prev?.lookups === next?.lookups ? prev : next,
      );
    };
    take(store.getState().snapshot?.summary.cache);
    return store.subscribe((s, prev) => {
      if (s.snapshot !== prev.snapshot) take(s.snapshot?.summary.cache);
    });
  }, [store]);
  return rate;
}
