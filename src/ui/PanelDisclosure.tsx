import './LearnPanel.css';

/** Props of {@link PanelDisclosure}. */
export interface PanelDisclosureProps {
  /** id of the heading, for the panel's aria-labelledby. */
  readonly id: string;
  readonly title: string;
  /** Shown after the title while the panel is closed, e.g. "6 guided lessons". */
  readonly hint: string;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  /** id of the element the button shows and hides. */
  readonly controls: string;
  readonly testId: string;
}

/**
 * A panel heading that opens and closes the panel's body, so the learning panels take one line
 * each until the learner wants them (lessons and challenges both use it).
 */
export function PanelDisclosure(props: PanelDisclosureProps) {
  const { id, title, hint, open, onToggle, controls, testId } = props;
  return (
    <h2 id={id} className="learn-heading">
      <button
        type="button"
        className="learn-toggle"
        aria-expanded={open}
        aria-controls={controls}
        data-testid={testId}
        onClick={() => onToggle(!open)}
      >
        <span className="learn-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {title}
        {!open && <span className="learn-hint">{hint}</span>}
      </button>
    </h2>
  );
}
