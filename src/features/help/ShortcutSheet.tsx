import { Fragment, useEffect, useRef } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { SHORTCUTS } from './shortcuts.ts';
import './ShortcutSheet.css';

/**
 * The list of keyboard shortcuts, as a modal dialog (the browser's own: focus stays inside, Esc
 * closes it); focus goes back where it was when it closes.
 */
export function ShortcutSheet() {
  const setOpen = useApp((s) => s.view.setShortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement;
    dialog.showModal();
    return () => {
      dialog.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="shortcut-sheet"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts"
      onClose={() => setOpen(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="shortcut-note">
        They work anywhere on the page except while you type in a field; Space and Enter also leave
        buttons and menus to do their own thing.
      </p>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.what} className="shortcut-row">
            <dt>
              {s.keys.map((combo, i) => (
                <Fragment key={combo.join('+')}>
                  {i > 0 && <span className="shortcut-or"> or </span>}
                  {combo.map((k, j) => (
                    <Fragment key={k}>
                      {j > 0 && '+'}
                      <kbd>{k}</kbd>
                    </Fragment>
                  ))}
                </Fragment>
              ))}
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="btn" data-testid="shortcuts.close" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
