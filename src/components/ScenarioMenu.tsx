/** Temporary scaffold: replaced by its real implementation. */
export function ScenarioMenu() {
  return null;
}
