/**
 * Where a key already means something: typing in a field, pressing a button, choosing in a list.
 * Page-wide shortcuts (Space, Enter, "?", [ and ]…) leave those keys alone there.
 */
export function keyIsTaken(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest(
      'input, textarea, select, button, summary, a[href], [role="slider"], dialog, [role="dialog"]',
    ) !== null
  );
}
