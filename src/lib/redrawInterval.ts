/**
 * How often (ms of real time) per-server pictures redraw: every snapshot for a handful of
 * servers, a few times a second for many, where 60 Hz text and bar updates on 100 rows would cost
 * more than anyone can read.
 */
export function redrawInterval(servers: number): number {
  if (servers > 30) return 250;
  if (servers > 10) return 100;
  return 0;
}
