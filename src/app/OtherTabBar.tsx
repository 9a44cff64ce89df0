import { useApp } from '../store/hooks.tsx';
import './NoticeBar.css';

/**
 * Two tabs of the playground share one autosave: when the other tab saves a different setup, this
 * bar says so and offers both, instead of the last writer silently winning on the next reload.
 */
export function OtherTabBar() {
  const other = useApp((s) => s.otherTab);
  const keep = useApp((s) => s.keepThisTab);
  const take = useApp((s) => s.useOtherTab);
  if (!other) return null;
  return (
    <div className="notice notice-info" role="alert" data-testid="otherTab">
      <span className="notice-mark" aria-hidden="true">
        ⧉
      </span>
      <p className="notice-text">
        Another tab of the playground saved its setup, “{other.name}”, as the autosave. Only one is
        kept for the next visit: which one?
      </p>
      <button type="button" className="notice-dismiss" data-testid="otherTab.keep" onClick={keep}>
        Keep this tab’s
      </button>
      <button
        type="button"
        className="notice-dismiss"
        data-testid="otherTab.use"
        onClick={() => void take()}
      >
        Use “{other.name}”
      </button>
    </div>
  );
}
