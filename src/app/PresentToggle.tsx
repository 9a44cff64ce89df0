import { useApp } from '../store/hooks.tsx';
import { DEFAULT_PRESENT_CHART } from '../store/viewSlice.ts';

/**
 * Presentation mode on and off (also the P key, and `?present` in the address): larger type, the
 * flow picture and one chart big, the run controls at hand, everything else out of the way.
 */
export function PresentToggle() {
  const presenting = useApp((s) => s.view.presenting);
  const set = useApp((s) => s.view.setPresenting);
  const on = presenting !== null;
  return (
    <button
      type="button"
      className="btn btn-small"
      data-testid="present.toggle"
      aria-pressed={on}
      title={
        on
          ? 'Leave presentation mode (P)'
          : 'Presentation mode (P): large type, the flow picture and one chart, for a projector'
      }
      onClick={() => set(on ? null : DEFAULT_PRESENT_CHART)}
    >
      <svg className="toolbar-icon" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M1 1.5h10v7H1z M6 8.5v2 M3.5 10.5h5" fill="none" stroke="currentColor" />
      </svg>
      Present
    </button>
  );
}
