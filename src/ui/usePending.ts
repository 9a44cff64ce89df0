import { useCallback, useState } from 'react';

/**
 * Shows a control's new value at once while the simulation applies it. Commands travel to the
 * worker and the confirmed value comes back with a later snapshot; without this a radio button or
 * field would snap back to the old value for a frame or two, as if the click had been refused.
 */
export function usePending<T>(actual: T): {
  shown: T;
  track: (value: T, done: Promise<boolean>) => void;
} {
  const [pending, setPending] = useState<{ readonly value: T } | null>(null);
  // The snapshot caught up: nothing pending any more (adjusting state while rendering, per React docs).
  if (pending !== null && Object.is(pending.value, actual)) setPending(null);

  const track = useCallback((value: T, done: Promise<boolean>) => {
    const mark = { value };
    setPending(mark);
    void done.then((ok) => {
      // Refused: show the simulation's value again now. Accepted: the next snapshot shows it; the
      // timer only guards against a value the simulation stored differently.
      window.setTimeout(() => setPending((p) => (p === mark ? null : p)), ok ? 1000 : 0);
    });
  }, []);

  return { shown: pending ? pending.value : actual, track };
}
