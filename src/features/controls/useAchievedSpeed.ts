import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/hooks.tsx';
import { SpeedMeter } from './speedMeter.ts';

/** How often the shown speed-up may change: a figure that flickers every frame cannot be read. */
const SHOW_EVERY_MS = 300;

/**
 * The speed-up over real time the run achieves now (simulated ms per wall ms), measured from the
 * snapshots as they arrive; null while paused or until enough time has passed to say.
 */
export function useAchievedSpeed(): number | null {
  const store = useAppStore();
  const [speedUp, setSpeedUp] = useState<number | null>(null);
  useEffect(() => {
    const meter = new SpeedMeter();
    let shownAt = -Infinity;
    return store.subscribe((s, prev) => {
      const snap = s.snapshot;
      if (!snap || snap === prev.snapshot) return;
      const now = performance.now();
      meter.push(now, snap.now, snap.playing);
      if (snap.playing && now - shownAt < SHOW_EVERY_MS) return;
      shownAt = now;
      setSpeedUp(meter.speedUp());
    });
  }, [store]);
  return speedUp;
}
