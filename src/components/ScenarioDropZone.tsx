/** Temporary scaffold: replaced by its real implementation. */
export function ScenarioDropZone() {
  return null;
}
