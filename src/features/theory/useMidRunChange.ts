import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/hooks.tsx';

/**
 * Whether the setup or the live rate changed while the current run was under way, so what the
 * run measured mixes two setups. A new run (time back at 0: a load, a reset, a new seed) starts
 * clean. It listens outside rendering: snapshots arrive every frame, only the answer matters.
 */
export function useMidRunChange(): boolean {
  const [changed, setChanged] = useState(false);
  const store = useAppStore();
  useEffect(() => {
    let base: { setupVersion: number; rate: number } | null = null;
    let lastNow = 0;
    return store.subscribe((state) => {
      const snap = state.snapshot;
      if (!snap) return;
      if (base === null || snap.now === 0 || snap.now < lastNow) {
        base = { setupVersion: snap.setupVersion, rate: snap.steadyRate };
        setChanged(false);
      } else if (snap.setupVersion !== base.setupVersion || snap.steadyRate !== base.rate) {
        setChanged(true);
      }
      lastNow = snap.now;
    });
  }, [store]);
  return changed;
}
