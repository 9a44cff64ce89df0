/**
 * The colour theme: the system's (prefers-color-scheme) until the person picks one with the
 * toggle, which is remembered in localStorage. The choice is `data-theme` on <html>; the design
 * tokens in index.css hold a light and a dark value each, so CSS does the rest. Storage can be
 * disabled or full: then the choice lasts for the page only, and nothing breaks.
 */
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

const KEY = 'balancer-playground.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
/** Fired on the document when the toggle changes the theme, for components showing it. */
const CHANGED = 'balancer-playground:theme';

/** The remembered choice, or null to follow the system. Never throws. */
export function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** Shows `theme` (null: the system's) without remembering it; main.tsx calls it before the first render. */
export function applyTheme(theme: Theme | null): void {
  const root = document.documentElement;
  if (theme === null) delete root.dataset.theme;
  else root.dataset.theme = theme;
  document.dispatchEvent(new Event(CHANGED));
}

/** Shows `theme` and remembers it for the next visits. */
export function chooseTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // not remembered; the page still shows it
  }
}

/** The theme on screen: the one chosen, else the system's. */
export function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const mql = window.matchMedia(DARK_QUERY);
  mql.addEventListener('change', onChange);
  document.addEventListener(CHANGED, onChange);
  return () => {
    mql.removeEventListener('change', onChange);
    document.removeEventListener(CHANGED, onChange);
  };
}

/** The theme on screen, following the system and the toggle as they change. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme, () => 'light');
}
