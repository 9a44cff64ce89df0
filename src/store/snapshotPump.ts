import { FLEET_COLUMNS } from '../engine/autoscaling/fleetSeries.ts';
import type { Snapshot, SnapshotCursor, SnapshotMessage } from '../worker/protocol.ts';
import { endOfRunText } from '../lib/words.ts';
import { yieldToPage } from '../lib/yieldToPage.ts';
import { applySetupDelta } from '../worker/setupDelta.ts';
import type { LogBook } from './logBook.ts';
import type { RouteFeed } from './routeFeed.ts';
import { snapshotIntervalMs } from './snapshotInterval.ts';
import type { SimLink } from './simLink.ts';
import type { PlaygroundState } from './types.ts';

/** From this many servers a snapshot bringing a new setup is applied in a task of its own. */
const BIG_SETUP = 1000;

/** Explained routing decisions the inspector can show. */
const PICKS_KEPT = 20;

/** What the pump needs from the store around it. */
export interface PumpHost {
  readonly get: () => PlaygroundState;
  readonly set: (
    partial: Partial<PlaygroundState> | ((s: PlaygroundState) => Partial<PlaygroundState>),
  ) => void;
  readonly link: SimLink;
  readonly logBook: LogBook;
  readonly routeFeed: RouteFeed;
  /** Calls back before the next repaint (requestAnimationFrame in the page). */
  readonly nextFrame: (callback: (now: number) => void) => void;
}

const START: SnapshotCursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 };

/** Where the autoscaler's fleet rows and the SLO's windows continue from (see protocol.ts). */
function scalingCursor(
  snap: SnapshotMessage,
  before: SnapshotCursor,
): Pick<SnapshotCursor, 'fleetSince' | 'sloWindow'> {
  const scaling = snap.scaling;
  if (!scaling) return {};
  const rows = scaling.fleet.length / FLEET_COLUMNS.length;
  const slo = scaling.slo;
  return {
    fleetSince: rows > 0 ? scaling.fleet[(rows - 1) * FLEET_COLUMNS.length]! : before.fleetSince,
    sloWindow: slo ? slo.fromWindow + Math.max(0, slo.good.length - 1) : undefined,
  };
}

/**
 * Pulls the worker's snapshots into the store: at most one per animation frame (less often for
 * big pools, see snapshotIntervalMs), never with one still on its way. Log entries and routing
 * decisions go to the log book and the route feed outside React state; the rest into the store.
 */
export class SnapshotPump {
  private cursor: SnapshotCursor = START;
  private polling = false;
  private inFlight = false;
  private lastAsked = -Infinity;

  constructor(private readonly host: PumpHost) {}

  /** Starts the frame loop (once; later calls do nothing). */
  start(): void {
    if (this.polling) return;
    this.polling = true;
    this.host.nextFrame((now) => this.frame(now));
  }

  /**
   * Something the person just did (a command) should show without waiting out the big-pool
   * interval: the next frame asks for a snapshot.
   */
  soon(): void {
    this.lastAsked = -Infinity;
  }

  /** A new run starts: the page's log and cursors start over too. */
  restart(): void {
    this.cursor = START;
    this.host.logBook.clear();
    this.host.set((s) => ({ picks: [], logVersion: s.logVersion + 1 }));
  }

  private frame(now: number): void {
    const { get, link } = this.host;
    const servers = get().snapshot?.servers.length ?? 0;
    if (
      !this.inFlight &&
      get().status !== 'crashed' &&
      now - this.lastAsked >= snapshotIntervalMs(servers)
    ) {
      this.inFlight = true;
      this.lastAsked = now;
      const cursor = this.cursor;
      link
        .call((api) => api.snapshot(cursor))
        .then(async (snap) => {
          if (!snap) return;
          // A big new setup took a task to arrive; drawing it gets a task of its own.
          if ((snap.setup?.servers.length ?? 0) >= BIG_SETUP) await yieldToPage();
          this.apply(snap);
        })
        .catch(() => undefined)
        .finally(() => {
          this.inFlight = false;
        });
    }
    this.host.nextFrame((t) => this.frame(t));
  }

  private apply(message: SnapshotMessage): void {
    const { get, set, routeFeed, logBook } = this.host;
    // The worker leaves the setup out while the page's copy is current; the copy keeps its
    // identity, so what derives from the setup is not redone.
    const prev = get().snapshot;
    const current = prev !== null && prev.setupVersion === message.setupVersion;
    const delta = message.setupDelta;
    const setup = current
      ? prev.setup
      : (message.setup ??
        (delta && prev?.setupVersion === delta.base ? applySetupDelta(prev.setup, delta) : null));
    if (setup === null) {
      // A new run started while this was on its way: ask again, for everything.
      this.cursor = START;
      return;
    }
    const { setupDelta: _delta, ...rest } = message;
    const snap: Snapshot = { ...rest, setup };
    const happened = snap.routes.nextSeq - this.cursor.routeSeq;
    const last = snap.picks[snap.picks.length - 1];
    this.cursor = {
      sinceVersion: snap.version,
      logSeq: snap.log.nextSeq,
      routeSeq: snap.routes.nextSeq,
      pickSeq: last ? last.seq + 1 : this.cursor.pickSeq,
      setupVersion: snap.setupVersion,
      ...scalingCursor(snap, this.cursor),
    };
    routeFeed.publish(snap.routes, happened);
    const gotLog = snap.log.entries.length > 0 || snap.log.dropped > 0;
    if (gotLog) logBook.append(snap.log.entries, snap.log.dropped);
    set((s) => ({
      snapshot: snap,
      status: 'ready',
      logVersion: gotLog ? s.logVersion + 1 : s.logVersion,
      picks: snap.picks.length > 0 ? [...s.picks, ...snap.picks].slice(-PICKS_KEPT) : s.picks,
      // Said once, when it happens; an error the person has not read yet is not replaced.
      ...(pausedItself(prev, snap) &&
        s.notice?.kind !== 'error' && { notice: endOfRunNotice(snap) }),
    }));
  }
}

/** The run has just paused itself at its end (not at every snapshot while it stays paused). */
function pausedItself(prev: Snapshot | null, snap: Snapshot): boolean {
  return snap.pausedAtEnd && !(prev?.pausedAtEnd ?? false);
}

function endOfRunNotice(snap: Snapshot) {
  const text = endOfRunText(snap.summary.requests, snap.now, snap.setup.durationMs);
  return { kind: 'info' as const, text };
}
