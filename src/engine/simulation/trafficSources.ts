import type { Agenda } from '../agenda.ts';
import type { SpikeWindow } from '../arrivals/rateShapes.ts';
import { spikeWindows } from '../arrivals/segments.ts';
import { type Rng, streamRng } from '../random.ts';
import type { KeySpec, Scenario, ServiceSpec, TrafficSpec } from '../scenario/types.ts';
import { createServiceSampler, type ServiceSampler } from '../serviceTime.ts';
import { ArrivalSource } from '../traffic.ts';
import { ZipfSampler } from '../zipf.ts';
import { DeferredKeys, keysRead } from './deferredKeys.ts';
import type { SimCore } from './simCore.ts';

/**
 * Most requests one event of a scenario burst sends: a larger burst sends the rest in further
 * slices, each an event of its own taken before anything else due at that time, so its requests
 * arrive exactly as if sent at once, while a run loop that looks at the clock between events can
 * stop in the middle of a million (a pause answers; the CLI's caps are checked). Above every
 * preset's largest burst (200), so their runs, event counts included, are what they were.
 */
export const BURST_SLICE = 256;

/**
 * Where requests come from and what they ask for: the scenario's traffic segments (bursts,
 * Poisson, ramps, daily patterns, traces, each times the spikes over it) and the person's live
 * steady rate, each an ArrivalSource with one pending arrival on the agenda at a time, all drawing
 * from the run's arrivals stream; and each request's key and service time, drawn at arrival from
 * streams of their own.
 */
export class TrafficSources {
  service: ServiceSpec;
  keys: KeySpec;
  /** Draw one request's key and service time (the core calls them on every arrival). */
  keySampler: ZipfSampler;
  serviceSampler: ServiceSampler;
  /** Whether arrivals draw their keys now or owe them (see DeferredKeys). */
  readonly keyDraws: DeferredKeys;
  private readonly sources: ArrivalSource[] = [];
  /** Requests each burst source still has to send (0 for the other kinds). */
  private readonly burstLeft: number[] = [];
  /** The live steady-rate source, if the person set one. */
  private steadySource = -1;
  /** The scenario's spikes: they multiply every rate-based source's rate while they last. */
  private readonly spikes: readonly SpikeWindow[];
  /** The run's arrivals, keys and service streams (see random.ts). */
  private readonly rng: Rng;
  private readonly keysRng: Rng;
  private readonly serviceRng: Rng;

  constructor(
    private readonly core: SimCore,
    /** The core's agenda, where the sources' arrivals go directly (one per request). */
    private readonly agenda: Agenda,
    scenario: Scenario,
  ) {
    const seed = scenario.seed;
    this.rng = streamRng(seed, 'arrivals');
    this.keysRng = streamRng(seed, 'keys');
    this.serviceRng = streamRng(seed, 'service');
    this.spikes = spikeWindows(scenario.traffic);
    this.service = scenario.service;
    this.serviceSampler = createServiceSampler(scenario.service, this.serviceRng);
    this.keys = scenario.keys;
    this.keySampler = new ZipfSampler(scenario.keys.count, scenario.keys.zipf, this.keysRng);
    this.keyDraws = new DeferredKeys(this.keysRng);
  }

  /** New service times from now on. */
  setService(spec: ServiceSpec): void {
    this.service = spec;
    this.serviceSampler = createServiceSampler(spec, this.serviceRng);
  }

  /** A new key space from now on. */
  setKeys(spec: KeySpec): void {
    // The keys owed so far come from the old key space.
    const core = this.core;
    this.keyDraws.settle(this.keySampler, core.requests, core.metrics.arrived, false);
    this.keys = spec;
    this.keySampler = new ZipfSampler(spec.count, spec.zipf, this.keysRng);
  }

  /**
   * Draws keys on arrival while the strategy or the cache placement reads them, and defers them
   * while nothing does (call after either changes, and after the key space did).
   */
  rethinkKeys(strategy: string, cachePlacement: string): void {
    const core = this.core;
    const defer = !keysRead(strategy, cachePlacement);
    this.keyDraws.settle(this.keySampler, core.requests, core.metrics.arrived, defer);
  }

  /** Adds a source of traffic from now on; returns its index (-1 for a closed-loop population). */
  add(spec: TrafficSpec): number {
    const core = this.core;
    if (spec.kind === 'closed') {
      core.clients.add(spec);
      return -1;
    }
    const source = new ArrivalSource(spec, this.rng, this.spikes);
    const index = this.sources.length;
    this.sources.push(source);
    this.burstLeft.push(spec.kind === 'burst' ? spec.burst : 0);
    const first = source.first(core.now);
    if (first < Infinity) this.agenda.pushArrival(first, index);
    else source.active = false;
    return index;
  }

  /** Event: a source's next arrival. */
  sourceArrival(index: number): void {
    const source = this.sources[index]!;
    if (!source.active) return;
    if (source.spec.kind === 'burst') {
      this.burstSlice(index, source);
      return;
    }
    const core = this.core;
    core.arrive();
    const next = source.nextAfter(core.now);
    if (next < Infinity) this.agenda.pushArrival(next, index);
    else source.active = false;
  }

  /** A burst's next slice: up to BURST_SLICE requests now, and the next slice right after. */
  private burstSlice(index: number, source: ArrivalSource): void {
    const left = this.burstLeft[index]!;
    const slice = Math.min(left, BURST_SLICE);
    this.burstLeft[index] = left - slice;
    this.burst(slice);
    if (left > slice) this.agenda.pushArrival(this.core.now, index, true);
    else source.active = false;
  }

  /** Sends `count` requests at the current time, all in this event (a live burst, or a slice). */
  burst(count: number): void {
    for (let i = 0; i < count; i++) this.core.arrive();
  }

  /** Starts (or changes, or with 0 stops) steady Poisson traffic from now on. */
  setSteadyRate(ratePerSec: number): void {
    if (this.steadySource >= 0) this.sources[this.steadySource]!.active = false;
    this.steadySource = -1;
    if (ratePerSec > 0)
      this.steadySource = this.add({
        kind: 'poisson',
        from: this.core.now,
        to: Infinity,
        ratePerSec,
      });
  }

  /** Whether any source may still send. */
  get pending(): boolean {
    for (const s of this.sources) if (s.active) return true;
    return false;
  }
}
