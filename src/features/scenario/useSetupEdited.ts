import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/hooks.tsx';
import type { Scenario } from '../../engine/scenario/types.ts';

/** The parts of a setup a person edits in the panels (the seed only re-rolls the same setup). */
function setupKey(setup: Scenario): string {
  const { servers, strategy, strategyOptions, service, cache, keys } = setup;
  return JSON.stringify([servers, strategy, strategyOptions, service, cache, keys]);
}

/**
 * Whether the setup differs from the one the current preset loaded. The first snapshot that
 * arrives after the preset changed is the baseline; later ones are compared with it, so undoing an
 * edit by hand shows the preset's name again. It listens to the store outside React rendering,
 * because the snapshot changes every frame and only the yes/no answer matters here.
 */
export function useSetupEdited(): boolean {
  const [edited, setEdited] = useState(false);
  const store = useAppStore();
  useEffect(() => {
    let presetId = store.getState().presetId;
    // The snapshot on hand when a preset was chosen still shows the previous setup.
    let stale: unknown = null;
    let baseline: string | null = null;
    return store.subscribe((state, prev) => {
      if (state.presetId !== presetId) {
        presetId = state.presetId;
        stale = state.snapshot;
        baseline = null;
        setEdited(false);
        return;
      }
      if (presetId === null || !state.snapshot || state.snapshot.setup === prev.snapshot?.setup)
        return;
      if (state.snapshot === stale) return;
      const key = setupKey(state.snapshot.setup);
      baseline ??= key;
      setEdited(key !== baseline);
    });
  }, [store]);
  return edited;
}
