/**
 * How long the page waits between snapshots, by the size of the pool. A handful of servers
 * redraw every animation frame; a hundred rows in several panels cost more to lay out than a
 * frame allows, and nobody reads a hundred numbers sixty times a second. The request-flow dots
 * animate on their own every frame either way.
 */
export function snapshotIntervalMs(servers: number): number {
  // Thousands of servers: each snapshot takes the page tens of ms just to read.
  if (servers > 1000) return 500;
  if (servers > 30) return 200;
  if (servers > 10) return 66;
  return 0;
}
