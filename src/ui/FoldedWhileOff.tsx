import { useState, type ReactNode } from 'react';
import './FoldedWhileOff.css';

/** Props of {@link FoldedWhileOff}. */
export interface FoldedWhileOffProps {
  readonly title: string;
  /** The settings inside that are on, by name, as the summary lists them (empty: all off). */
  readonly on: readonly string[];
  /** The section's own class (its spacing in its panel). */
  readonly className: string;
  /** The summary's class: the panel's subheading style. */
  readonly summaryClassName: string;
  /** On the section; `${testId}.state` on the summary's list of what is on. */
  readonly testId: string;
  readonly children: ReactNode;
}

/**
 * A section of settings that are all off by default, folded under a one-line summary while they
 * are, so that what a first run needs stays on the first screen. The summary says "all off" or
 * names the settings that are on. It opens by itself when something turns one on (a preset, an
 * import, an undo) and stays as the person leaves it after that: folding it under their hand when
 * they switch the last setting off would lose their place.
 */
export function FoldedWhileOff(props: FoldedWhileOffProps) {
  const { title, on, className, summaryClassName, testId, children } = props;
  const anyOn = on.length > 0;
  const [open, setOpen] = useState(anyOn);
  // State that follows a prop, set while rendering as React advises (not in an effect).
  const [wasOn, setWasOn] = useState(anyOn);
  if (anyOn !== wasOn) {
    setWasOn(anyOn);
    if (anyOn) setOpen(true);
  }
  return (
    <details
      className={`folded-while-off ${className} ${anyOn ? 'is-on' : ''}`}
      data-testid={testId}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className={summaryClassName}>
        {title}{' '}
        <span className="folded-state" data-testid={`${testId}.state`}>
          <span aria-hidden="true">{anyOn ? '● ' : '○ '}</span>
          {anyOn ? on.join(', ') : 'all off'}
        </span>
      </summary>
      {children}
    </details>
  );
}
