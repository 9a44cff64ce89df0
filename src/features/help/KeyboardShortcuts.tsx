import { useEffect } from 'react';
import { keyIsTaken } from '../../lib/keyboard.ts';
import { chooseTheme, currentTheme } from '../../lib/theme.ts';
import { useAppStore } from '../../store/hooks.tsx';
import { DEFAULT_PRESENT_CHART } from '../../store/viewSlice.ts';
import { stepSpeed } from '../controls/index.ts';

/** Typing somewhere: a text field, a text area, a menu or editable text. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

/**
 * The page-wide shortcuts (see shortcuts.ts): "?" for the list, Enter to step, [ and ] for the
 * speed, T for the theme, P for presentation mode. None acts while the person types, and Enter
 * leaves buttons, links and menus their own meaning. Renders nothing.
 */
export function KeyboardShortcuts() {
  const store = useAppStore();
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.target)) return;
      const s = store.getState();
      const open = s.view.shortcutsOpen;
      if (e.key === '?') {
        e.preventDefault();
        s.view.setShortcutsOpen(!open);
        return;
      }
      // While the list (a modal dialog) is open, only "?" and Esc (the dialog's own) act.
      if (open || keyIsTaken(e.target)) return;
      const speed = s.snapshot?.speed ?? 1;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'Enter') void s.step();
      else if (key === '[' || key === ']') void s.setSpeed(stepSpeed(speed, key === ']' ? 1 : -1));
      else if (key === 't') chooseTheme(currentTheme() === 'dark' ? 'light' : 'dark');
      else if (key === 'p')
        s.view.setPresenting(s.view.presenting === null ? DEFAULT_PRESENT_CHART : null);
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
  return null;
}
