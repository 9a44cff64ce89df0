import { formatCount } from '../../lib/format.ts';

/** Wall time the achieved speed is averaged over, and the least before it is shown at all. */
const WINDOW_MS = 1500;
const MIN_SPAN_MS = 400;

interface Sample {
  readonly wall: number;
  readonly sim: number;
}

/**
 * How fast simulated time has really moved against wall time over the last moment: the speed-up
 * the page achieves, which at "max" is the only speed there is, and at a set speed says how far
 * behind a run that cannot keep up has fallen. Fed with the clock of each snapshot as it arrives.
 */
export class SpeedMeter {
  private samples: Sample[] = [];

  /** Takes a snapshot's simulated time, seen at wall time `wall`; a pause or a new run starts over. */
  push(wall: number, sim: number, playing: boolean): void {
    const last = this.samples.at(-1);
    if (!playing || (last !== undefined && sim < last.sim)) this.samples = [];
    if (!playing) return;
    this.samples.push({ wall, sim });
    while (this.samples.length > 2 && wall - this.samples[1]!.wall >= WINDOW_MS)
      this.samples.shift();
  }

  /** Simulated ms per wall ms over the window, or null until enough wall time has passed. */
  speedUp(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.wall - first.wall < MIN_SPAN_MS) return null;
    return (last.sim - first.sim) / (last.wall - first.wall);
  }
}

/** "0.42×", "3.2×", "1,250×" real time. */
export function formatSpeedUp(speedUp: number): string {
  if (speedUp < 1) return `${speedUp.toFixed(2)}×`;
  if (speedUp < 10) return `${speedUp.toFixed(1)}×`;
  return `${formatCount(speedUp)}×`;
}

/**
 * Whether the run falls behind: the worker says so at a set speed; at "max" it falls behind when
 * it cannot even keep up with real time (the simulated clock slower than a wall clock).
 */
export function cannotKeepUp(speed: number | 'max', lagging: boolean, speedUp: number | null) {
  if (speed !== 'max') return lagging;
  return speedUp !== null && speedUp < 0.95;
}
