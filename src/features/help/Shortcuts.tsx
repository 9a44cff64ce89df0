import { lazy, Suspense } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { KeyboardShortcuts } from './KeyboardShortcuts.tsx';

const ShortcutSheet = lazy(async () => ({
  default: (await import('./ShortcutSheet.tsx')).ShortcutSheet,
}));

/** The page-wide shortcut keys, and their list on "?" (loaded when first asked for). */
export function Shortcuts() {
  const open = useApp((s) => s.view.shortcutsOpen);
  return (
    <>
      <KeyboardShortcuts />
      {open && (
        <Suspense fallback={null}>
          <ShortcutSheet />
        </Suspense>
      )}
    </>
  );
}
