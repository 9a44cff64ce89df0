import type { SimApi, WorkerLoss } from '../worker/simClient.ts';
import type { JobProgress } from '../worker/protocol.ts';

/** What the store needs of the worker client (SimClient in the page, a fake in tests). */
export interface SimConnection {
  call<R>(fn: (api: SimApi) => Promise<R>): Promise<R>;
  restart(): void;
  nextJobId(): number;
  onJobProgress(listener: (progress: JobProgress) => void): () => void;
}

/** Why the worker was lost, and how: it crashed, or stopped answering (see SimClient). */
export type OnWorkerLoss = (message: string, how: WorkerLoss) => void;

/** Starts a worker client; `onCrash` hears why the worker died. */
export type Connect = (onCrash: OnWorkerLoss) => SimConnection;

/**
 * The store's one worker client. It is started on first use (so a store can be built without a
 * worker, as in tests) and owned here for the store's life: every slice calls through this.
 */
export class SimLink {
  private connection: SimConnection | null = null;
  /**
   * Counts the workers replaced: a fresh worker numbers its setup versions from the start again,
   * so what the page holds of the old one's (SetupMirror) must not be matched against them.
   */
  generation = 0;

  constructor(
    private readonly connect: Connect,
    private readonly onCrash: OnWorkerLoss,
  ) {}

  private get client(): SimConnection {
    this.connection ??= this.connect(this.onCrash);
    return this.connection;
  }

  /** Calls the worker; rejects if the worker dies before it answers. */
  call<R>(fn: (api: SimApi) => Promise<R>): Promise<R> {
    return this.client.call(fn);
  }

  /** A fresh worker in place of a dead one. */
  restart(): void {
    this.generation++;
    this.client.restart();
  }

  nextJobId(): number {
    return this.client.nextJobId();
  }

  onJobProgress(listener: (progress: JobProgress) => void): () => void {
    return this.client.onJobProgress(listener);
  }
}
