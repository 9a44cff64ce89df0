/**
 * Headless jobs in the worker (comparisons, runs to the end): each runs a slice of events at a
 * time and yields between slices, so the live run keeps moving and a cancel from the page is
 * heard. Progress goes to the page through one long-lived port, at most every `reportEveryMs` of
 * wall time. No worker globals here: the clock and the yield are passed in, so tests drive it.
 */
import type { JobKind, JobProgress, JobRefusal } from './protocol.ts';

/** How far a job's work has got, in simulated time. */
export interface SliceProgress {
  readonly fraction: number;
  readonly simulatedMs: number;
  readonly endMs: number;
}

/** Work that can be done a slice of events at a time. */
export interface SlicedJob<R> {
  /** Runs about `events` events; true once the work is done. */
  advance(events: number): boolean;
  progress(): SliceProgress;
  /** The result, once `advance` said it is done. */
  result(): R;
}

export interface JobRunnerOptions {
  /** Gives the worker's event loop a turn (a zero-delay timer in the worker). */
  readonly yieldToLoop: () => Promise<void>;
  /** Wall-clock ms. */
  readonly clock: () => number;
  /** Events per slice. */
  readonly slice?: number;
  /** Least wall time between two progress reports of a job. */
  readonly reportEveryMs?: number;
}

const STOPPED: JobRefusal = { ok: false, message: 'Stopped.', cancelled: true };

/** Runs headless jobs, one of each kind at a time. */
export class JobRunner {
  private readonly running = new Map<JobKind, number>();
  private readonly cancelled = new Set<number>();
  private report: ((p: JobProgress) => void) | null = null;
  private readonly slice: number;
  private readonly reportEveryMs: number;

  constructor(private readonly options: JobRunnerOptions) {
    this.slice = options.slice ?? 20_000;
    this.reportEveryMs = options.reportEveryMs ?? 100;
  }

  /** Where progress reports go (the page's port); null stops them. */
  watch(report: ((p: JobProgress) => void) | null): void {
    this.report = report;
  }

  /** Stops job `id` at its next slice; a job that is not running is ignored. */
  cancel(id: number): void {
    if ([...this.running.values()].includes(id)) this.cancelled.add(id);
  }

  /**
   * Starts `start()`'s job as job `id` and runs it to the end, or until cancelled. A second job of
   * a kind already running is refused. Never throws: a failure comes back as a message.
   */
  async run<R>(
    id: number,
    kind: JobKind,
    start: () => SlicedJob<R> | JobRefusal,
  ): Promise<R | JobRefusal> {
    // Comparisons name themselves in their messages, as the compare panel shows them.
    const prefix = kind === 'compare' ? 'compare: ' : '';
    if (this.running.has(kind)) {
      const what = kind === 'compare' ? 'a comparison' : 'a run to the end';
      return { ok: false, message: `${prefix}${what} is already running` };
    }
    this.running.set(kind, id);
    try {
      const job = start();
      if (!('advance' in job)) return job;
      let reportedAt = -Infinity;
      const startedAt = this.options.clock();
      const tell = (force: boolean) => {
        const now = this.options.clock();
        if (!force && now - reportedAt < this.reportEveryMs) return;
        reportedAt = now;
        this.report?.({ job: id, kind, ...job.progress(), elapsedMs: now - startedAt });
      };
      tell(true);
      while (!job.advance(this.slice)) {
        tell(false);
        await this.options.yieldToLoop();
        if (this.cancelled.has(id)) return STOPPED;
      }
      tell(true);
      return job.result();
    } catch (e) {
      return { ok: false, message: `${prefix}the simulation failed (${(e as Error).message})` };
    } finally {
      this.running.delete(kind);
      this.cancelled.delete(id);
    }
  }
}
