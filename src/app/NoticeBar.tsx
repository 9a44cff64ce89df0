import { useEffect } from 'react';
import { useApp, useAppStore } from '../store/hooks.tsx';
import './NoticeBar.css';

/** How long an informational notice stays; errors stay until dismissed, so none is missed. */
const INFO_MS = 6000;

/**
 * The page's messages: what was refused and why (an error, announced at once and kept until
 * dismissed) or what happened (info, announced politely and gone after a few seconds).
 */
export function NoticeBar() {
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  const store = useAppStore();

  useEffect(() => {
    if (notice?.kind !== 'info') return;
    // Keyed on the notice object: a newer notice restarts the clock and is not cut short.
    const timer = window.setTimeout(() => {
      if (store.getState().notice === notice) dismiss();
    }, INFO_MS);
    return () => window.clearTimeout(timer);
  }, [notice, dismiss, store]);

  if (!notice) return null;
  const error = notice.kind === 'error';
  return (
    <div
      className={error ? 'notice notice-error' : 'notice notice-info'}
      role={error ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span className="notice-mark" aria-hidden="true">
        {error ? '✖' : 'ℹ'}
      </span>
      <p className="notice-text">{notice.text}</p>
      <button
        type="button"
        className="notice-dismiss"
        data-testid="notice.dismiss"
        onClick={dismiss}
      >
        Dismiss
      </button>
    </div>
  );
}
