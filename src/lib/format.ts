/** Number formatting shared by panels and charts, so the same quantity reads the same everywhere. */

/** A count with thousands separators: 12,345. (Hand-rolled: Intl is slow for hundreds per frame.) */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Math.abs(Math.round(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return n < 0 && out !== '0' ? `-${out}` : out;
}

/** A duration in ms, with a unit that suits its size: 0.8 ms, 412 ms, 3.20 s. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** A share as a percentage: 0.623 → 62.3%. */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${(share * 100).toFixed(digits)}%`;
}

/** Simulated time as seconds with millisecond precision, as the log shows it: 12.402 s. */
export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** A rate per second: 1,250/s. */
export function formatRate(perSec: number): string {
  return `${perSec < 10 && perSec % 1 !== 0 ? perSec.toFixed(1) : formatCount(perSec)}/s`;
}
