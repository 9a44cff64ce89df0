import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const mql = window.matchMedia(query);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

function reduced(): boolean {
  return window.matchMedia(query).matches || document.documentElement.dataset.motion === 'off';
}

/** True when the person asked for less motion (system setting or `?motion=0`): show counts, not travel. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, reduced, () => false);
}
