/**
 * Moves keyboard focus to a part of the page and brings it into view, the way a skip link does:
 * a control is focused as it is; anything else (a panel's heading) is made focusable by script
 * only (tabindex -1), so it does not become a Tab stop of its own.
 */
export function focusTarget(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return false;
  const control = el.matches('button, a[href], input, select, textarea')
    ? el
    : el.querySelector<HTMLElement>(':scope > button');
  const target = control ?? el;
  if (!control && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start', behavior: 'auto' });
  return true;
}
