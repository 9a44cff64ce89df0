import type { MouseEvent } from 'react';
import { focusTarget } from '../lib/focusTarget.ts';
import { useApp } from '../store/hooks.tsx';
import './SkipLinks.css';

interface Skip {
  readonly label: string;
  /** The element the link moves focus to (a control, or a panel's heading). */
  readonly target: string;
  /** Its id, for the link's href (so it works as a plain anchor too). */
  readonly href: string;
  readonly presenting: boolean;
}

const SKIPS: readonly Skip[] = [
  {
    label: 'Run controls',
    target: '[data-testid="controls.play"]',
    href: '#run-controls',
    presenting: true,
  },
  { label: 'Servers', target: '#servers-title', href: '#servers-title', presenting: false },
  { label: 'Charts', target: '#flow-title', href: '#flow-title', presenting: true },
  { label: 'Lessons', target: '#lessons-title', href: '#lessons-title', presenting: false },
];

/**
 * Links first in the tab order that jump to the main areas (hidden until focused), so a keyboard
 * user reaches the lessons in a few key presses rather than fifty Tabs.
 */
export function SkipLinks() {
  const presenting = useApp((s) => s.view.presenting !== null);
  function go(e: MouseEvent<HTMLAnchorElement>, skip: Skip): void {
    // Focus, not only scroll: the next Tab then starts from there.
    if (focusTarget(skip.target)) e.preventDefault();
  }
  return (
    <nav className="skip-links" aria-label="Skip to">
      <ul>
        {SKIPS.filter((s) => !presenting || s.presenting).map((s) => (
          <li key={s.label}>
            <a
              href={s.href}
              className="visually-hidden"
              data-testid="skip.link"
              onClick={(e) => go(e, s)}
            >
              Skip to {s.label.toLowerCase()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
