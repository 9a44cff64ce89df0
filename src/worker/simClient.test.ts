import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import { createAppStore } from '../store/createAppStore.ts';
import type { JobProgress, SnapshotCursor } from './protocol.ts';
import { SimClient, type WorkerLike, type WorkerLoss } from './simClient.ts';
import { SimSession } from './simSession.ts';

type Listener = (event: { data?: unknown; message?: string; preventDefault(): void }) => void;

/**
 * A worker in this process: the API is exposed with comlink on one end of a MessageChannel and
 * the client talks to the other, as with a real Worker. `crash` fires the error event a dying
 * worker fires; `terminate` closes both ports.
 */
class FakeWorker implements WorkerLike {
  terminated = false;
  private readonly port: MessagePort;
  private readonly inner: MessagePort;
  private readonly failures = new Map<string, Set<Listener>>();

  constructor(api: object) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.inner = port2;
    expose(api, port2 as never);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.port.postMessage(message, transfer as never);
  }

  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.port.addEventListener('message', listener as never);
    else {
      const set = this.failures.get(type) ?? new Set<Listener>();
      set.add(listener as unknown as Listener);
      this.failures.set(type, set);
    }
  }

  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.port.removeEventListener('message', listener as never);
    else this.failures.get(type)?.delete(listener as unknown as Listener);
  }

  start(): void {
    this.port.start();
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
    this.inner.close();
  }

  /** What the browser does when the worker throws at top level, or a message cannot be read. */
  fail(type: 'error' | 'messageerror', message = ''): void {
    for (const l of this.failures.get(type) ?? []) l({ message, preventDefault: () => undefined });
  }
}

/** The worker's API over a session, as far as these tests use it. */
function sessionApi(session: SimSession) {
  let jobs: MessagePort | null = null;
  return {
    api: {
      load: (raw: unknown) => session.load(raw),
      setup: () => session.setup(),
      snapshot: (cursor: SnapshotCursor) => session.snapshot(cursor),
      watchJobs: (port: MessagePort) => {
        jobs = port;
      },
      ping: () => true,
      /** Never answers: a call the worker dies in the middle of. */
      hang: () => new Promise(() => undefined),
    },
    report: (p: JobProgress) => jobs?.postMessage(p),
    closeJobs: () => jobs?.close(),
  };
}

const open: Array<{ client: SimClient; close: () => void }> = [];

/** A client over fake workers, each with a fresh session; `workers` lists every one started. */
function connect(onCrash: (message: string, how: WorkerLoss) => void = () => undefined) {
  const workers: Array<{
    worker: FakeWorker;
    session: SimSession;
    report: (p: JobProgress) => void;
  }> = [];
  const closers: Array<() => void> = [];
  const client = new SimClient(onCrash, () => {
    const session = new SimSession(DEFAULT_SCENARIO);
    const { api, report, closeJobs } = sessionApi(session);
    const worker = new FakeWorker(api);
    closers.push(closeJobs);
    workers.push({ worker, session, report });
    return worker;
  });
  const close = () => {
    client.terminate();
    for (const c of closers) c();
  };
  open.push({ client, close });
  return { client, workers };
}

afterEach(() => {
  for (const { close } of open.splice(0)) close();
});

describe('SimClient', () => {
  it('calls the worker and gets its answer back', async () => {
    const { client } = connect();
    const setup = await client.call((api) => api.setup());
    expect(setup.servers.map((s) => s.name)).toEqual(['Server-A', 'Server-B', 'Server-C']);
  });

  it('fails a call in flight when the worker dies, and says why', async () => {
    const crashes: string[] = [];
    const { client, workers } = connect((m) => crashes.push(m));
    const api = (a: unknown) => a as { hang(): Promise<never> };
    const pending = client.call((a) => api(a).hang());
    workers[0]!.worker.fail('error', 'boom in the worker');
    await expect(pending).rejects.toThrow('boom in the worker');
    expect(crashes).toEqual(['boom in the worker']);
    // Later calls fail at once instead of hanging.
    await expect(client.call((a) => a.setup())).rejects.toThrow('boom in the worker');
  });

  it('takes an unreadable message as a crash too', async () => {
    const crashes: string[] = [];
    const { client, workers } = connect((m) => crashes.push(m));
    workers[0]!.worker.fail('messageerror');
    await expect(client.call((a) => a.setup())).rejects.toThrow('could not be read');
    expect(crashes).toEqual(['the simulation worker sent a message that could not be read']);
  });

  it('restarts with a fresh worker that answers, and ends the old one', async () => {
    const { client, workers } = connect();
    workers[0]!.worker.fail('error', 'boom');
    client.restart();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.worker.terminated).toBe(true);
    const setup = await client.call((api) => api.setup());
    expect(setup.name).toBe(DEFAULT_SCENARIO.name);
  });

  it('hears job progress on its own port, and gives ids to start jobs with', async () => {
    const { client, workers } = connect();
    const heard: JobProgress[] = [];
    client.onJobProgress((p) => heard.push(p));
    await client.call((api) => api.setup()); // the port has reached the worker by now
    const id = client.nextJobId();
    expect(client.nextJobId()).toBe(id + 1);
    const report = {
      ...{ job: id, kind: 'run' as const, fraction: 0.5 },
      ...{ simulatedMs: 500, endMs: 1000, elapsedMs: 250 },
    };
    workers[0]!.report(report);
    await expect.poll(() => heard).toEqual([report]);
  });
});

describe('SimClient watchdog', () => {
  it('notices a worker that stops answering, ends it and fails the calls waiting on it', async () => {
    const losses: Array<[string, WorkerLoss]> = [];
    let worker: FakeWorker | null = null;
    let answering = true;
    const client = new SimClient(
      (message, how) => losses.push([message, how]),
      () => {
        // Answers pings until it "closes itself": then nothing it is sent gets a reply.
        worker = new FakeWorker({
          ping: () => (answering ? true : new Promise(() => undefined)),
          hang: () => new Promise(() => undefined),
          watchJobs: () => undefined,
        });
        return worker;
      },
      {
        everyMs: 10,
        stallMs: 60,
        now: () => performance.now(),
        every: (tick, ms) => {
          const id = setInterval(tick, ms);
          return () => clearInterval(id);
        },
      },
    );
    open.push({ client, close: () => client.terminate() });
    await new Promise((r) => setTimeout(r, 100));
    expect(losses).toEqual([]);
    answering = false;
    const waiting = client.call((api) => (api as unknown as { hang(): Promise<void> }).hang());
    await expect(waiting).rejects.toThrow(/stopped answering/);
    expect(losses).toHaveLength(1);
    expect(losses[0]![1]).toBe('stalled');
    expect(worker!.terminated).toBe(true);
  });
});

describe('the store over the client', () => {
  it('restarts a crashed worker with the setup the page had', async () => {
    let started: ReturnType<typeof connect>['workers'] = [];
    const frames: Array<(now: number) => void> = [];
    const store = createAppStore({
      connect: (onCrash) => {
        const c = connect(onCrash);
        started = c.workers;
        return c.client;
      },
      page: {
        storage: () => null,
        address: () => ({ href: 'http://p.test/', origin: 'http://p.test', pathname: '/' }),
        replaceAddress: () => undefined,
        copy: async () => true,
        download: () => undefined,
        onLeave: () => undefined,
      },
      learning: () => Promise.reject(new Error('not used')),
      nextFrame: (cb) => void frames.push(cb),
    });
    await store.getState().loadPreset('unequal-servers');
    // One frame's snapshot: the store now knows the setup it would restart with.
    for (const cb of frames.splice(0)) cb(16);
    await expect.poll(() => store.getState().snapshot?.setup.name).toBe('Unequal servers');

    started[0]!.worker.fail('error', 'out of memory');
    expect(store.getState()).toMatchObject({ status: 'crashed', crash: 'out of memory' });
    await store.getState().restart();
    expect(started).toHaveLength(2);
    expect(started[0]!.worker.terminated).toBe(true);
    expect(started[1]!.session.setup().name).toBe('Unequal servers');
    expect(started[1]!.session.setup().servers.map((s) => s.capacity)).toEqual([8, 2, 2]);
  });
});
