/**
 * Brown's estimate of a calendar queue's day width (CACM 31(10), 1988), from the times of the
 * first `m` events in order (the nodes `sample[0..m)` of `times`): the mean gap between them,
 * again without the gaps over twice that, times three. `oldWidth` when it cannot tell (all ties).
 * Days are numbered exactly only below 2^53, so never narrower than the times' magnitude allows.
 */
export function brownWidth(
  times: Float64Array,
  sample: Int32Array,
  m: number,
  oldWidth: number,
): number {
  const mean = (times[sample[m - 1]!]! - times[sample[0]!]!) / (m - 1);
  let sum = 0;
  let gaps = 0;
  for (let k = 1; k < m; k++) {
    const gap = times[sample[k]!]! - times[sample[k - 1]!]!;
    if (gap <= 2 * mean) {
      sum += gap;
      gaps++;
    }
  }
  const width = 3 * (sum / gaps);
  const floor = Math.abs(times[sample[m - 1]!]!) * 2 ** -40;
  return width > floor && width < Infinity ? width : Math.max(oldWidth, floor);
}
