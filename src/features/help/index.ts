/**
 * Help: the first-run guide (loaded when shown), the "?" button that brings it back, and the
 * keyboard shortcuts with their list (loaded on "?").
 */
export { Guide } from './Guide.tsx';
export { HelpButton } from './HelpButton.tsx';
export { Shortcuts } from './Shortcuts.tsx';
