/** Temporary scaffold: replaced by its real implementation. */
export function AboutLink() {
  return null;
}
