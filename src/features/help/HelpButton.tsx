import { useApp } from '../../store/hooks.tsx';

/** The toolbar's "?": brings the getting-started guide back (the "?" key lists the shortcuts). */
export function HelpButton() {
  const open = useApp((s) => s.view.openGuide);
  return (
    <button
      type="button"
      className="btn btn-small toolbar-icon-button"
      data-testid="help.guide"
      title="Getting started: the guide (the ? key lists the keyboard shortcuts)"
      onClick={open}
    >
      <span aria-hidden="true">?</span>
      <span className="visually-hidden">Getting started guide</span>
    </button>
  );
}
