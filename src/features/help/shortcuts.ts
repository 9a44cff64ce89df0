/**
 * The page's keyboard shortcuts, as the shortcut sheet lists them. Space and the undo keys are
 * handled where they act (RunControls, ScenarioMenu); the rest in KeyboardShortcuts.tsx.
 */
export interface Shortcut {
  /** Key combinations that do it, each a list of keys pressed together. */
  readonly keys: ReadonlyArray<readonly string[]>;
  readonly what: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [['Space']], what: 'Play or pause' },
  { keys: [['Enter']], what: 'Step to the next event (an arrival, a completion…)' },
  { keys: [['['], [']']], what: 'Slower, faster (one step along the speed menu)' },
  {
    keys: [
      ['Ctrl', 'Z'],
      ['⌘', 'Z'],
    ],
    what: 'Undo the last change to the setup',
  },
  {
    keys: [
      ['Ctrl', 'Shift', 'Z'],
      ['Ctrl', 'Y'],
      ['⌘', 'Shift', 'Z'],
    ],
    what: 'Redo',
  },
  { keys: [['T']], what: 'Light or dark theme (remembered)' },
  { keys: [['P']], what: 'Presentation mode on or off' },
  { keys: [['?']], what: 'This list' },
  { keys: [['Esc']], what: 'Close a dialog, this list or the share-link box' },
];
