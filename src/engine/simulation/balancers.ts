import type { PoolView } from '../poolView.ts';
import { StaleLoadView } from '../staleLoadView.ts';
import { createStrategy } from '../strategies/index.ts';
import {
  resetPickTrace,
  type PickTrace,
  type Strategy,
  type StrategyChoice,
  type StrategyOptions,
} from '../strategies/strategy.ts';
import { LOAD_UPDATE } from './eventKinds.ts';
import type { SimCore } from './simCore.ts';

/** One of the independent balancers: its own strategy state and its own view of the load. */
interface Balancer {
  readonly strategy: Strategy;
  readonly view: PoolView;
  readonly stale: StaleLoadView | null;
}

type Listener = { onServerChange(pool: PoolView, slot: number): void };

/**
 * The balancers in front of the pool: `count` of them share the servers, arrivals take turns among
 * them, and each runs its own instance of the strategy. With `loadUpdateMs` > 0 each sees the
 * others' load only at periodic updates (a StaleLoadView), which makes them herd. One balancer
 * with a live view is the demo's, and then the strategy hears the pool's changes directly.
 */
export class Balancers {
  /** The balancers, rebuilt on a change of strategy or of the balancer settings. */
  list: Balancer[] = [];
  /** The first balancer's strategy (every balancer runs the same one). */
  first!: Strategy;
  /** More than one balancer, or stale load views: dispatches and departures must tell them. */
  multi = false;
  /**
   * Whether a dispatch, a departure or an answer has anyone to tell: `multi`, or a strategy that
   * hears of them (`onDispatch`, `onComplete`: peak EWMA, a user's strategy). The hot path asks
   * this before calling `sent`, `leftServer` and `completed`, which otherwise find nobody: three
   * calls a request, 149 of the 3,542 instructions a request of `npm run bench`'s model.
   */
  hooked = false;
  private generation = 0;
  private readonly pickContext = {
    key: 0,
    id: 0,
    attempt: 0,
    now: 0,
    trace: null as PickTrace | null,
  };
  /** Tells every balancer of a change in the pool (built once, not per event). */
  private readonly fanOut: Listener = {
    onServerChange: (_pool: PoolView, slot: number): void => {
      for (const b of this.list) {
        if (b.stale !== null) b.stale.refresh(slot);
        else b.strategy.onServerChange?.(this.core.pool, slot);
      }
    },
  };

  constructor(
    private readonly core: SimCore,
    /** The strategy every balancer runs, and its options. */
    public strategyName: StrategyChoice,
    public strategyOptions: Required<StrategyOptions>,
    /** Builds the user's strategy, when `strategyName` is custom (see SimulationOptions). */
    private readonly customStrategy: (() => Strategy) | undefined,
  ) {}

  /** Switches every balancer to another strategy (mid-run: each starts with fresh state). */
  setStrategy(name: StrategyChoice, options: StrategyOptions = {}): void {
    const before = { name: this.strategyName, options: this.strategyOptions };
    this.strategyOptions = { ...this.strategyOptions, ...options };
    this.strategyName = name;
    try {
      this.wire();
    } catch (error) {
      // The new strategy could not be built (its code does not load): keep the one running.
      this.strategyName = before.name;
      this.strategyOptions = before.options;
      throw error;
    }
    this.core.log('INFO', 'LoadBalancer', `Strategy switched to ${name}`);
  }

  /** Builds each balancer's strategy (and stale view), and wires them to hear of changes. */
  wire(): void {
    const core = this.core;
    const spec = core.resilience.balancers;
    const pool = core.pool;
    const stale = spec.loadUpdateMs > 0;
    const list: Balancer[] = [];
    const replaced = this.list;
    try {
      for (let i = 0; i < spec.count; i++) {
        const strategy = this.build();
        if (!stale) list.push({ strategy, view: pool, stale: null });
        else {
          const view = new StaleLoadView(pool);
          view.listener = listenerOf(strategy);
          view.sync();
          list.push({ strategy, view, stale: view });
        }
      }
    } catch (error) {
      for (const b of list) b.strategy.dispose?.();
      throw error;
    }
    this.list = list;
    this.first = list[0]!.strategy;
    for (const b of replaced) b.strategy.dispose?.();
    this.multi = list.length > 1 || stale;
    this.hooked = this.multi || list.some((b) => b.strategy.onDispatch || b.strategy.onComplete);
    pool.listenWith(this.multi ? this.fanOut : listenerOf(this.first));
  }

  /** A fresh instance of the current strategy. */
  private build(): Strategy {
    if (this.strategyName !== 'custom')
      return createStrategy(this.strategyName, this.strategyOptions);
    if (this.customStrategy === undefined) {
      throw new Error(
        'This scenario uses a custom strategy, and this run was given no sandbox to run its code in.',
      );
    }
    return this.customStrategy();
  }

  /** Frees every balancer's strategy (the user's code holds a sandbox). */
  dispose(): void {
    for (const b of this.list) b.strategy.dispose?.();
  }

  /** Starts the periodic load updates for stale views (a new schedule orphans the old one). */
  startLoadUpdates(): void {
    const core = this.core;
    const every = core.resilience.balancers.loadUpdateMs;
    this.generation++;
    if (every > 0) core.schedule(core.now + every, LOAD_UPDATE, this.generation);
  }

  /** Event: each stale view takes in every server's current load. */
  loadUpdate(generation: number): void {
    if (generation !== this.generation) return;
    for (const b of this.list) b.stale?.sync();
    const core = this.core;
    core.schedule(core.now + core.resilience.balancers.loadUpdateMs, LOAD_UPDATE, generation);
  }

  /** The balancer that takes request `id`: arrivals take turns. */
  balancerFor(id: number): number {
    const n = this.list.length;
    return n === 1 ? 0 : id % n;
  }

  /** How many servers balancer `b` believes can take a request. */
  healthyCount(b: number): number {
    return this.list[b]!.view.healthyCount;
  }

  /**
   * Balancer `b`'s strategy picks a slot for a request with `key`, tracing the pick into `trace`
   * when given. A retry goes to another server than `avoid` where it can (Envoy's previous-hosts
   * predicate: up to 3 more tries).
   */
  pick(
    b: number,
    id: number,
    attempt: number,
    key: number,
    avoid: number,
    trace: PickTrace | null,
  ): number {
    const core = this.core;
    const balancer = this.list[b]!;
    const view = balancer.view;
    const ctx = this.pickContext;
    ctx.key = key;
    ctx.id = id;
    ctx.attempt = attempt;
    ctx.now = core.now;
    ctx.trace = trace;
    let slot = balancer.strategy.pick(view, ctx, core.strategyRng);
    for (let i = 0; avoid >= 0 && slot === avoid && i < 3 && view.healthyCount > 1; i++) {
      // The trace explains the pick that counts: the last one.
      if (trace !== null) resetPickTrace(trace);
      slot = balancer.strategy.pick(view, ctx, core.strategyRng);
    }
    ctx.trace = null;
    // The user's code failed: the run cannot go on honestly, so it stops here (see Strategy).
    if (slot < 0 && balancer.strategy.failure) throw balancer.strategy.failure;
    return slot;
  }

  /** Whether balancer `b` sees the load through a stale view. */
  isStale(b: number): boolean {
    return this.list[b]!.stale !== null;
  }

  /** Balancer `b` placed a request on `slot`. */
  sent(b: number, slot: number): void {
    const balancer = this.list[b]!;
    balancer.strategy.onDispatch?.(slot, this.core.now);
    if (this.multi) balancer.stale?.adjust(slot, 1);
  }

  /** Attempt `r` stopped holding a place at `slot`: the balancer that sent it counts it off. */
  leftServer(r: number, slot: number): void {
    if (!this.multi) return;
    this.list[this.core.requests.lb[r]!]?.stale?.adjust(slot, -1);
  }

  /** Attempt `r` was answered from `slot`: its strategy hears the request's latency so far. */
  completed(r: number, slot: number): void {
    const now = this.core.now;
    this.strategyOf(r).onComplete?.(slot, now - this.core.requests.arrival[r]!, now);
  }

  /** The strategy that hears how attempt `r` went: its balancer's (after a rewiring, the first). */
  strategyOf(r: number): Strategy {
    return this.multi
      ? (this.list[this.core.requests.lb[r]!] ?? this.list[0]!).strategy
      : this.first;
  }
}

function listenerOf(strategy: Strategy): Listener | null {
  return strategy.onServerChange ? (strategy as Required<Pick<Strategy, 'onServerChange'>>) : null;
}
