/**
 * The page's handle on the simulation worker: the only place comlink wraps it. It owns the
 * worker's life (start, restart after a crash, terminate) and makes every call fail fast when the
 * worker dies, instead of hanging as a bare comlink call would. It also holds the one port on
 * which the worker reports the progress of headless jobs (comparisons, runs to the end).
 *
 * Boundary file: the page reaches the worker only through this class; nothing here may import the
 * store or the UI.
 */
import { releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { JobProgress } from './protocol.ts';
import type { SimWorkerApi } from './sim.worker.ts';
import { PAGE_WATCHDOG, Watchdog, type WatchdogOptions } from './watchdog.ts';

export type SimApi = Remote<SimWorkerApi>;

/** What the client needs of a worker: comlink's endpoint, its error events, and terminate. */
export type WorkerLike = Endpoint & { terminate(): void };

/** Starts the simulation's module worker (the production default). */
export function startSimulationWorker(): WorkerLike {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
}

type ProgressListener = (progress: JobProgress) => void;

/** How the worker was lost: it threw or sent garbage (crashed), or stopped answering (stalled). */
export type WorkerLoss = 'crashed' | 'stalled';

/** The page's clock and timer for the watchdog. */
const pageTimers: Pick<WatchdogOptions, 'now' | 'every'> = {
  now: () => performance.now(),
  every: (tick, ms) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

export class SimClient {
  private worker!: WorkerLike;
  private remote!: SimApi;
  private crashed!: Promise<never>;
  /** Ends the current worker's calls with this message and tells onCrash (once per worker). */
  private lose: (message: string, how: WorkerLoss) => void = () => undefined;
  private readonly watchdog: Watchdog;
  private progressPort: MessagePort | null = null;
  private readonly listeners = new Set<ProgressListener>();
  private lastJob = 0;

  /**
   * `onCrash` hears why the worker was lost: an uncaught error or a message it could not read
   * (crashed), or no answer to the watchdog's ping for five seconds (stalled: closed or stuck; the
   * client has already terminated it). `startWorker` makes the worker; tests pass one over an
   * in-process MessageChannel, and the watchdog's timing.
   */
  constructor(
    private readonly onCrash: (message: string, how: WorkerLoss) => void,
    private readonly startWorker: () => WorkerLike = startSimulationWorker,
    watchdog: WatchdogOptions = { ...PAGE_WATCHDOG, ...pageTimers },
  ) {
    this.watchdog = new Watchdog(
      () => this.remote.ping(),
      (silentMs) => {
        const seconds = Math.round(silentMs / 1000);
        // Ended first: whoever hears of the loss may start a fresh worker at once.
        this.worker.terminate();
        this.lose(
          `the simulation stopped answering (no reply for ${seconds} s): it was closed or is ` +
            'stuck in a computation that does not end',
          'stalled',
        );
      },
      watchdog,
    );
    this.start();
  }

  /** Calls the worker; rejects if the worker dies before it answers. */
  call<R>(fn: (api: SimApi) => Promise<R>): Promise<R> {
    return Promise.race([fn(this.remote), this.crashed]);
  }

  /** A new id for a headless job, to start it with and to cancel it by. */
  nextJobId(): number {
    return ++this.lastJob;
  }

  /** Hears the progress of every headless job; returns the unsubscribe. */
  onJobProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces a dead (or live) worker with a fresh one. */
  restart(): void {
    this.terminate();
    this.start();
  }

  terminate(): void {
    this.watchdog.stop();
    this.progressPort?.close();
    this.progressPort = null;
    this.remote[releaseProxy]();
    this.worker.terminate();
  }

  private start(): void {
    const worker = this.startWorker();
    this.worker = worker;
    this.remote = wrap<SimWorkerApi>(worker);
    this.crashed = new Promise<never>((_, reject) => {
      let lost = false;
      const die = (message: string, how: WorkerLoss = 'crashed') => {
        if (lost || this.worker !== worker) return;
        lost = true;
        this.watchdog.stop();
        reject(new Error(message));
        this.onCrash(message, how);
      };
      this.lose = die;
      worker.addEventListener('error', (e) => {
        (e as Event).preventDefault();
        die((e as ErrorEvent).message || 'the simulation worker failed to start or crashed');
      });
      worker.addEventListener('messageerror', () =>
        die('the simulation worker sent a message that could not be read'),
      );
    });
    // The race above must not surface as an unhandled rejection when nobody is calling.
    this.crashed.catch(() => undefined);
    this.watchJobs();
    this.watchdog.start();
  }

  /** One long-lived port for job progress, closed with the worker it belongs to. */
  private watchJobs(): void {
    const channel = new MessageChannel();
    this.progressPort = channel.port1;
    channel.port1.onmessage = (e: MessageEvent<JobProgress>) => {
      for (const listener of this.listeners) listener(e.data);
    };
    this.call((api) => api.watchJobs(transfer(channel.port2, [channel.port2]))).catch(
      () => undefined, // a worker that died at once has said so through onCrash
    );
  }
}
