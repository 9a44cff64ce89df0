/**
 * Whether something the page sends (a scenario or a recording, as raw JSON) may run the user's
 * own strategy, so the worker loads the sandbox first. A look at the shape only: the real checks
 * come after, and a false "yes" costs a QuickJS instance, not a wrong run.
 */
export function mentionsCustom(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  if (r.strategy === 'custom' || r.customStrategy !== undefined) return true;
  // A recording: its scenario, and any strategy switch among its actions.
  if (mentionsCustom(r.scenario)) return true;
  const actions = r.actions;
  return (
    Array.isArray(actions) &&
    actions.some((a) => {
      const cmd =
        typeof a === 'object' && a !== null ? (a as Record<string, unknown>).command : null;
      return (
        typeof cmd === 'object' &&
        cmd !== null &&
        (cmd as Record<string, unknown>).strategy === 'custom'
      );
    })
  );
}
