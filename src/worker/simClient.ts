/**
 * The page's handle on the simulation worker: the only place comlink wraps it. It owns the
 * worker's life (start, restart after a crash, terminate) and makes every call fail fast when the
 * worker dies, instead of hanging as a bare comlink call would.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { SimWorkerApi } from './sim.worker.ts';

export type SimApi = Remote<SimWorkerApi>;

export class SimClient {
  private worker!: Worker;
  private remote!: SimApi;
  private crashed!: Promise<never>;

  /** `onCrash` hears why the worker died (an uncaught error or a message it could not read). */
  constructor(private readonly onCrash: (message: string) => void) {
    this.start();
  }

  /** Calls the worker; rejects if the worker dies before it answers. */
  call<R>(fn: (api: SimApi) => Promise<R>): Promise<R> {
    return Promise.race([fn(this.remote), this.crashed]);
  }

  /** Replaces a dead (or live) worker with a fresh one. */
  restart(): void {
    this.terminate();
    this.start();
  }

  terminate(): void {
    this.remote[releaseProxy]();
    this.worker.terminate();
  }

  private start(): void {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
      type: 'module',
      name: 'simulation',
    });
    this.worker = worker;
    this.remote = wrap<SimWorkerApi>(worker);
    this.crashed = new Promise<never>((_, reject) => {
      const die = (message: string) => {
        reject(new Error(message));
        this.onCrash(message);
      };
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        die(e.message || 'the simulation worker failed to start or crashed');
      });
      worker.addEventListener('messageerror', () =>
        die('the simulation worker sent a message that could not be read'),
      );
    });
    // The race above must not surface as an unhandled rejection when nobody is calling.
    this.crashed.catch(() => undefined);
  }
}
