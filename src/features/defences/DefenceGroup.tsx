import type { ReactNode } from 'react';
// The look of every defence-style group, wherever one is used (Servers uses them too).
import './DefencesPanel.css';

/** Props of {@link DefenceGroup}. */
export interface DefenceGroupProps {
  readonly title: string;
  /** One short sentence: what the defence does. */
  readonly what: string;
  /** Whether the defence is on (marked in words too, for a quick scan); omitted: not a switch. */
  readonly on?: boolean;
  readonly testId?: string;
  readonly children: ReactNode;
}

/** One defence of the Defences panel: a titled group with what it does and its controls. */
export function DefenceGroup({ title, what, on, testId, children }: DefenceGroupProps) {
  return (
    <fieldset className={`defence ${on ? 'is-on' : ''}`} data-testid={testId}>
      <legend>
        {title}
        {on !== undefined && (
          <span className="defence-state" aria-hidden="true">
            {on ? '● on' : '○ off'}
          </span>
        )}
      </legend>
      <p className="defence-what">{what}</p>
      {children}
    </fieldset>
  );
}
