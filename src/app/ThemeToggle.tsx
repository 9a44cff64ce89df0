import { chooseTheme, useTheme } from '../lib/theme.ts';

/**
 * Switches between the light and the dark theme and remembers the choice; until it is pressed
 * the page follows the system's colour scheme. Pressed means dark.
 */
export function ThemeToggle() {
  const theme = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="btn btn-small toolbar-icon-button"
      data-testid="theme.toggle"
      aria-pressed={dark}
      title={
        dark ? 'Dark theme (T): press for the light one' : 'Light theme (T): press for the dark one'
      }
      onClick={() => chooseTheme(dark ? 'light' : 'dark')}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      <span className="visually-hidden">Dark theme</span>
    </button>
  );
}
