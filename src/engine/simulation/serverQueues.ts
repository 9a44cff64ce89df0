import { QueueEmptiness } from '../overload/adaptiveLifo.ts';
import { CoDel, type CoDelQueue } from '../overload/codel.ts';
import { contentionFactor, type ContentionSpec } from '../overload/contention.ts';
import { sheddingOn, type SheddingSpec } from '../overload/specs.ts';
import { QUEUED_AT } from '../metrics/requestLines.ts';
import { NOWHERE, QUEUED } from '../requestTable.ts';
import { QUEUE_TIMEOUT } from './eventKinds.ts';
import { REJECTED_SHED, type SimCore } from './simCore.ts';

/** Which rule shed a request, for its log line. */
const SHED_FULL = 0;
const SHED_QUEUE_TIME = 1;
const SHED_CODEL = 2;

function reason(rule: number, waitedMs: number, waiting: number): string {
  const waited = Math.round(waitedMs);
  if (rule === SHED_FULL) return `its queue is full (${waiting} waiting)`;
  if (rule === SHED_QUEUE_TIME) return `waited ${waited} ms in its queue (queue timeout)`;
  return `waited ${waited} ms, above CoDel's target for an interval`;
}

/**
 * What happens at a server's own queue and in its service when overload control is on: requests
 * shed from the queue (a length limit, a queue-time limit as HAProxy's `timeout queue`, CoDel as
 * in RFC 8289) with reason `shed`, the newest served first while the queue is congested (adaptive
 * LIFO, Facebook's "Fail at Scale"), and service slowing with concurrency (contention, USL). The
 * core asks this part to queue and to take from the queue only while a rule is on (`on`), and
 * for a service-time factor only while contention is on, so runs without them are unchanged.
 */
export class ServerQueues {
  /** A queue rule is on: the core queues and dequeues through this part. */
  on = false;
  /** Contention is on: the core multiplies service times by `factor`. */
  contentionOn = false;
  private codels: CoDel[] = [];
  private readonly emptiness = new QueueEmptiness();
  /** CoDel's view of one server's queue, reused (no allocation per dequeue). */
  private readonly view: QueueView;

  constructor(
    private readonly core: SimCore,
    private shedding: SheddingSpec,
    private contention: ContentionSpec,
  ) {
    this.configure(shedding);
    this.setContention(contention);
    this.view = new QueueView(core, (r, slot) => this.shed(r, slot, SHED_CODEL, 0));
  }

  get settings(): SheddingSpec {
    return this.shedding;
  }

  get contentionSettings(): ContentionSpec {
    return this.contention;
  }

  /** New shedding settings, from now on (CoDel starts afresh). */
  configure(spec: SheddingSpec): void {
    this.shedding = spec;
    this.on = sheddingOn(spec);
    this.codels = [];
  }

  setContention(spec: ContentionSpec): void {
    this.contention = spec;
    this.contentionOn = spec.model !== 'off';
  }

  /** Service-time multiplier for a request starting with `active` in service (itself included). */
  factor(active: number): number {
    return contentionFactor(this.contention, active);
  }

  /**
   * Attempt `r` arrives at `slot` with every place taken: it waits, or is shed at once when the
   * queue already holds `maxQueue`. Returns whether it waits.
   */
  enqueue(r: number, slot: number): boolean {
    const core = this.core;
    const pool = core.pool;
    const spec = this.shedding;
    const waiting = pool.queued[slot]!;
    if (spec.maxQueue !== null && waiting >= spec.maxQueue) {
      this.shed(r, slot, SHED_FULL, waiting);
      return false;
    }
    if (waiting === 0) this.emptiness.wasEmptyUntil(slot, core.now);
    pool.enqueue(slot, r);
    const req = core.requests;
    req.phase[r] = QUEUED;
    if (core.logRequests) {
      const id = req.id[r]!;
      core.metrics.log.serverLine(QUEUED_AT, slot, id, waiting + 1, 0);
    }
    if (spec.maxQueueMs !== null) {
      req.refs[r]!++;
      core.schedule(core.now + spec.maxQueueMs, QUEUE_TIMEOUT, r);
    }
    return true;
  }

  /** Moves waiting requests into free places, shedding what CoDel says, newest first if congested. */
  startWaiting(slot: number): void {
    const core = this.core;
    const pool = core.pool;
    const spec = this.shedding;
    while (pool.canStartQueued(slot)) {
      if (spec.codel) {
        this.view.slot = slot;
        if (!this.codelOf(slot).dequeue(core.now, this.view)) break;
      }
      const lifo =
        spec.adaptiveLifo &&
        this.emptiness.lifo(slot, pool.queued[slot]!, core.now, spec.intervalMs);
      let r: number;
      if (lifo) {
        // Adaptive LIFO: the newest waiting request goes first.
        r = pool.queues[slot]!.peekNewest();
        pool.removeQueued(slot, r);
        pool.startService(slot);
      } else r = pool.startQueued(slot);
      core.serve(r, slot, pool.active[slot]!);
    }
  }

  /** Event: attempt `r` has waited `maxQueueMs` (HAProxy `timeout queue`): shed it if it still waits. */
  queueTimeout(r: number): void {
    const core = this.core;
    const req = core.requests;
    req.refs[r]!--;
    const slot = req.slot[r]!;
    if (req.phase[r] === QUEUED && core.pool.removeQueued(slot, r))
      this.shed(r, slot, SHED_QUEUE_TIME, 0);
    else req.releaseIfDone(r);
  }

  /**
   * The server refuses attempt `r` from its queue: a 503 to the client, which its defences count
   * as a failure and its retry policy may retry; a request it ends is rejected with reason `shed`.
   * The row is freed here once nothing refers to it.
   */
  private shed(r: number, slot: number, rule: number, waiting: number): void {
    const core = this.core;
    const req = core.requests;
    req.phase[r] = NOWHERE;
    core.balancers.leftServer(r, slot);
    if (req.waiting[r] === 1) {
      // The reason is written only for the log (a headless run never formats it).
      const why = core.logRequests ? reason(rule, core.now - req.sent[r]!, waiting) : '';
      core.retries.attemptRejected(r, REJECTED_SHED, why);
    }
    req.releaseIfDone(r);
  }

  private codelOf(slot: number): CoDel {
    let codel = this.codels[slot];
    if (codel === undefined) {
      codel = new CoDel(this.shedding.targetMs, this.shedding.intervalMs);
      this.codels[slot] = codel;
    }
    return codel;
  }
}

/** What CoDel sees of the queue of server `slot`: its length, its head's wait, and shedding it. */
class QueueView implements CoDelQueue {
  slot = 0;

  constructor(
    private readonly core: SimCore,
    private readonly shed: (r: number, slot: number) => void,
  ) {}

  get length(): number {
    return this.core.pool.queued[this.slot]!;
  }

  headSojourn(now: number): number {
    return now - this.core.requests.sent[this.core.pool.queues[this.slot]!.peek()]!;
  }

  dropHead(): void {
    const r = this.core.pool.dropQueued(this.slot);
    this.shed(r, this.slot);
  }
}
