/**
 * Trailing moving average over `window` samples: value i is the mean of the finite values among
 * samples i-window+1..i (NaN where there are none). Per-interval rates at the default 100 ms
 * sampling jump between 0 and 10/s steps; a one-second window shows the trend they hide.
 */
export function movingAverage(values: Float64Array, window: number): Float64Array {
  const out = new Float64Array(values.length);
  const w = Math.max(1, Math.floor(window));
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
    if (i >= w) {
      const old = values[i - w]!;
      if (Number.isFinite(old)) {
        sum -= old;
        count--;
      }
    }
    out[i] = count > 0 ? sum / count : NaN;
  }
  return out;
}
