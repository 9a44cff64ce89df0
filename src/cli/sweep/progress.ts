import { runEffort } from '../../engine/sweep/effort.ts';
import { locateRun, type SweepPlan } from '../../engine/sweep/plan.ts';

/**
 * Progress of a sweep on standard error: points and runs done, time spent and an estimate of the
 * time left. On a terminal a bar redrawn in place (at most ten times a second); into a file or a
 * CI log, where carriage returns pile up as garbage, one plain line per tenth of the work, enough
 * to see it move without burying the log.
 */

/** "0.4 s", "45 s", "1 min", "3 min 20 s", "2 h 05 min". */
export function formatDuration(ms: number): string {
  if (ms < 9950 && ms % 1000 !== 0) return `${Math.max(0, ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export class SweepProgress {
  private readonly effort = new Map<number, number>();
  private readonly pointLeft = new Map<number, number>();
  private readonly totalEffort: number;
  private readonly points: number;
  private doneEffort = 0;
  private runsDone = 0;
  private pointsDone = 0;
  private lastDraw = -Infinity;
  /** When the first run finished and the work done by then: the rate is measured from there, so
   * the start-up of worker threads does not inflate the estimate. */
  private firstAt = 0;
  private firstEffort = 0;
  private nextTenth = 1;

  constructor(
    private readonly plan: SweepPlan,
    private readonly runs: readonly number[],
    private readonly out: ProgressStream,
    private readonly now: () => number,
    private readonly started = now(),
  ) {
    let total = 0;
    for (const run of runs) {
      const e = runEffort(plan, run);
      this.effort.set(run, e);
      total += e;
      const point = locateRun(plan.header, run).point;
      this.pointLeft.set(point, (this.pointLeft.get(point) ?? 0) + 1);
    }
    this.totalEffort = total;
    this.points = this.pointLeft.size;
  }

  /** The status line: "12/30 points · 63/150 runs · 42 s · about 1 min 20 s left". */
  status(): string {
    const elapsed = this.now() - this.started;
    const rate =
      this.runsDone >= 2 && this.now() > this.firstAt
        ? (this.doneEffort - this.firstEffort) / (this.now() - this.firstAt)
        : this.doneEffort / Math.max(1, elapsed);
    const left =
      this.runsDone === this.runs.length
        ? 'done'
        : this.runsDone === 0
          ? 'estimating time left'
          : `about ${formatDuration((this.totalEffort - this.doneEffort) / rate)} left`;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${this.pointsDone}/${plural(this.points, 'point')} · ${this.runsDone}/${plural(this.runs.length, 'run')} · ${formatDuration(elapsed)} · ${left}`;
  }

  /** Records a finished run and redraws if it is time to. */
  runDone(index: number): void {
    this.runsDone++;
    this.doneEffort += this.effort.get(index) ?? 0;
    if (this.runsDone === 1) {
      this.firstAt = this.now();
      this.firstEffort = this.doneEffort;
    }
    const point = locateRun(this.plan.header, index).point;
    const left = (this.pointLeft.get(point) ?? 1) - 1;
    this.pointLeft.set(point, left);
    if (left === 0) this.pointsDone++;
    this.draw(false);
  }

  /** Draws the current state now (the first and the last line). */
  draw(force = true): void {
    const share = this.totalEffort > 0 ? this.doneEffort / this.totalEffort : 1;
    if (this.out.isTTY) {
      const t = this.now();
      if (!force && t - this.lastDraw < 100 && this.runsDone < this.runs.length) return;
      this.lastDraw = t;
      const width = 24;
      const filled = Math.round(share * width);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      const line = `sweep ${bar} ${this.status()}`;
      // A pseudo-terminal may report 0 columns: then assume a usual width.
      const columns = this.out.columns || 120;
      this.out.write(`\r\x1b[K${line.slice(0, Math.max(20, columns - 1))}`);
      return;
    }
    // The last tenth is left to finish(), which says how long the whole took.
    const tenths = Math.floor(share * 10 + 1e-9);
    if (!force && (tenths < this.nextTenth || this.runsDone === this.runs.length)) return;
    this.nextTenth = tenths + 1;
    this.out.write(`sweep: ${Math.round(share * 100)}% · ${this.status()}\n`);
  }

  /** Replaces the bar with a closing line, e.g. "sweep: 30 points, 150 runs in 12 s on 2 workers". */
  finish(closing: string): void {
    this.out.write(`${this.out.isTTY ? '\r\x1b[K' : ''}${closing}\n`);
  }
}
