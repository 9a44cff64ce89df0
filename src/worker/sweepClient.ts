/**
 * The page's pool of sweep workers: the only place comlink wraps them. A sweep's runs are
 * independent, so they are spread over one Web Worker per core the browser reports, keeping one
 * core for the page (at least one worker). The scheduling is the engine's `runSweep`, the same
 * code the CLI drives worker threads with, so the page's results are byte-identical to
 * `npm run sweep -- --json` for the same file.
 *
 * Boundary file: nothing here may import the store or the UI. Every call fails fast when a worker
 * dies instead of hanging as a bare comlink call would.
 */
import { releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { LoadSweepResult } from '../engine/sweep/loadSweep.ts';
import type { SweepPlan } from '../engine/sweep/plan.ts';
import {
  runSweep,
  type RunSweepOptions,
  type SweepRuns,
  type SweepWorker,
} from '../engine/sweep/pool.ts';
import type { SweepWorkerApi } from './sweep.worker.ts';

/** What the pool needs of a worker: comlink's endpoint, its error events, and terminate. */
export type SweepWorkerLike = Endpoint & { terminate(): void };

/** Starts one sweep module worker (the production default). */
export function startSweepWorker(): SweepWorkerLike {
  return new Worker(new URL('./sweep.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sweep',
  });
}

/** Workers for `cores` reported cores: one per core, one core left for the page, at least one. */
export function sweepWorkerCount(cores: number | undefined): number {
  const n = Number.isFinite(cores) ? Math.floor(cores!) : 1;
  return Math.max(1, n - 1);
}

interface Member {
  readonly worker: SweepWorkerLike;
  readonly remote: Remote<SweepWorkerApi>;
  /** Rejects with why the worker died. */
  readonly died: Promise<never>;
}

/** The calls the store makes of the pool (tests pass a fake). */
export interface SweepRunner {
  /** Workers a sweep runs on. */
  readonly size: number;
  load(raw: unknown): Promise<LoadSweepResult>;
  run(plan: SweepPlan, runs: readonly number[], options: RunSweepOptions): Promise<SweepRuns>;
}

export class SweepPool implements SweepRunner {
  private members: Member[] = [];

  constructor(
    readonly size: number,
    private readonly startWorker: () => SweepWorkerLike = startSweepWorker,
  ) {}

  /** Reads a sweep file in a worker (the page does not load zod). */
  load(raw: unknown): Promise<LoadSweepResult> {
    const [first] = this.ensure(1);
    return this.guard<LoadSweepResult>(first!, first!.remote.load(raw) as Promise<LoadSweepResult>);
  }

  /**
   * Executes `runs` of `plan` on every worker (see the engine's `runSweep` for `options`). A
   * worker that dies rejects the sweep; the pool then starts fresh workers for the next one.
   */
  async run(
    plan: SweepPlan,
    runs: readonly number[],
    options: RunSweepOptions,
  ): Promise<SweepRuns> {
    const members = this.ensure(this.size);
    try {
      await Promise.all(members.map((m) => this.guard(m, m.remote.init(plan))));
      // Two runs queued at each worker: it starts the next as soon as it finishes one.
      const workers: SweepWorker[] = members.map((m) => ({
        depth: 2,
        run: (index) => this.guard(m, m.remote.run(index)),
      }));
      return await runSweep(plan, runs, workers, options);
    } catch (e) {
      this.terminate();
      throw e;
    }
  }

  /** Stops every worker (runs in progress are lost). */
  terminate(): void {
    for (const m of this.members) {
      m.remote[releaseProxy]();
      m.worker.terminate();
    }
    this.members = [];
  }

  private guard<R>(member: Member, call: Promise<R>): Promise<R> {
    return Promise.race([call, member.died]);
  }

  private ensure(count: number): Member[] {
    while (this.members.length < count) this.members.push(this.member());
    return this.members.slice(0, count);
  }

  private member(): Member {
    const worker = this.startWorker();
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        (e as Event).preventDefault();
        reject(new Error((e as ErrorEvent).message || 'a sweep worker failed to start or crashed'));
      });
      worker.addEventListener('messageerror', () =>
        reject(new Error('a sweep worker sent a message that could not be read')),
      );
    });
    died.catch(() => undefined); // nobody may be calling when it dies
    return { worker, remote: wrap<SweepWorkerApi>(worker), died };
  }
}
