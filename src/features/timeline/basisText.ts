import { formatMs, formatRate } from '../../lib/format.ts';

/**
 * What the throughput chart's numbers are per: simulated seconds, each point one interval, so a
 * single request in an interval reads as 1000 / interval per second (10/s at 100 ms). Said
 * beside the chart because the outcomes chart shows the same rates averaged over a second.
 */
export function basisText(pointMs: number): string {
  return (
    `Rates per simulated second, each point one ${formatMs(pointMs)} interval: a single request ` +
    `in an interval reads ${formatRate(1000 / pointMs)}. The outcomes chart averages over 1 s.`
  );
}
