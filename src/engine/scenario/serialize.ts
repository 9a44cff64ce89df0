import type { RawScenario } from './schema.ts';
import type {
  AutoscalingSpec,
  ResilienceSpec,
  Scenario,
  ScheduledEvent,
  ServerChanges,
  ServerSpec,
  ServiceSpec,
  TrafficSpec,
} from './types.ts';

type RawServer = NonNullable<RawScenario['servers']>[number];
type RawTraffic = NonNullable<RawScenario['traffic']>[number];
type RawEvent = NonNullable<RawScenario['events']>[number];
type RawService = NonNullable<RawScenario['service']>;

/**
 * Writes a scenario in its file form: every field explicit, keys in a fixed order, traffic entries
 * without `kind`. `parseScenario(serializeScenario(s))` gives back a scenario equal to `s`.
 */
export function serializeScenario(s: Scenario): RawScenario {
  return {
    version: 1,
    name: s.name,
    seed: s.seed,
    strategy: s.strategy,
    ...(s.customStrategy ? { customStrategy: { code: s.customStrategy.code } } : {}),
    strategyOptions: {
      choices: s.strategyOptions.choices,
      virtualNodes: s.strategyOptions.virtualNodes,
      decayMs: s.strategyOptions.decayMs,
    },
    servers: s.servers.map(serializeServer),
    service: serializeService(s.service),
    cache: { placement: s.cache.placement, capacity: s.cache.capacity, hitMs: s.cache.hitMs },
    keys: { count: s.keys.count, zipf: s.keys.zipf },
    traffic: s.traffic.map(serializeTraffic),
    events: s.events.map(serializeEvent),
    durationMs: s.durationMs,
    sampleIntervalMs: s.sampleIntervalMs,
    resilience: serializeResilience(s.resilience),
    contention: { ...s.contention },
    shedding: { ...s.shedding },
    // Written only when set, so a file of a setup without them reads as it always did.
    ...(s.autoscaling ? { autoscaling: serializeAutoscaling(s.autoscaling) } : {}),
    ...(s.cost ? { cost: { ...s.cost } } : {}),
    ...(s.slo ? { slo: { ...s.slo } } : {}),
  };
}

function serializeAutoscaling(a: AutoscalingSpec): NonNullable<RawScenario['autoscaling']> {
  return {
    ...a,
    template: a.template === null ? null : serializeServer(a.template),
    scaleUpPolicies: a.scaleUpPolicies.map((p) => ({ ...p })),
    scaleDownPolicies: a.scaleDownPolicies.map((p) => ({ ...p })),
    steps: a.steps.map((st) => ({ ...st })),
    schedule: a.schedule.map((st) => ({ ...st })),
  };
}

function serializeResilience(r: ResilienceSpec): NonNullable<RawScenario['resilience']> {
  return {
    healthCheck: { ...r.healthCheck },
    outlier: { ...r.outlier },
    panicThresholdPercent: r.panicThresholdPercent,
    timeoutMs: r.timeoutMs,
    connectTimeoutMs: r.connectTimeoutMs,
    retry: { ...r.retry },
    breaker: { ...r.breaker },
    slowStartMs: r.slowStartMs,
    balancers: { ...r.balancers },
    deadlineMs: r.deadlineMs,
    limiter: { ...r.limiter },
    throttling: { ...r.throttling },
    hedge: { ...r.hedge },
  };
}

function serializeServer(s: ServerSpec): RawServer {
  return {
    name: s.name,
    capacity: s.capacity,
    weight: s.weight,
    speed: s.speed,
    queueLimit: s.queueLimit,
    up: s.up,
    errorRate: s.errorRate,
    partitioned: s.partitioned,
  };
}

function serializeService(s: ServiceSpec): RawService {
  switch (s.distribution) {
    case 'uniform':
      return { distribution: 'uniform', minMs: s.minMs, maxMs: s.maxMs };
    case 'exponential':
      return { distribution: 'exponential', meanMs: s.meanMs };
    case 'constant':
      return { distribution: 'constant', ms: s.ms };
    case 'lognormal':
      return { distribution: 'lognormal', medianMs: s.medianMs, sigma: s.sigma };
  }
}

function serializeTraffic(t: TrafficSpec): RawTraffic {
  switch (t.kind) {
    case 'burst':
      return { at: t.at, burst: t.burst };
    case 'poisson':
      return { from: t.from, to: t.to, ratePerSec: t.ratePerSec };
    case 'ramp':
      return {
        from: t.from,
        to: t.to,
        startRatePerSec: t.startRatePerSec,
        endRatePerSec: t.endRatePerSec,
      };
    case 'closed':
      return { from: t.from, to: t.to, clients: t.clients, thinkMs: t.thinkMs };
    case 'diurnal':
      return {
        from: t.from,
        to: t.to,
        troughRatePerSec: t.troughRatePerSec,
        peakRatePerSec: t.peakRatePerSec,
        periodMs: t.periodMs,
        phaseMs: t.phaseMs,
      };
    case 'spike':
      return { from: t.from, to: t.to, multiplier: t.multiplier };
    case 'trace':
      return { trace: t.trace.map(([time, rate]) => [time, rate] as [number, number]) };
  }
}

function serializeChanges(c: ServerChanges): ServerChanges {
  const out: { -readonly [K in keyof ServerChanges]: ServerChanges[K] } = {};
  if (c.name !== undefined) out.name = c.name;
  if (c.capacity !== undefined) out.capacity = c.capacity;
  if (c.weight !== undefined) out.weight = c.weight;
  if (c.speed !== undefined) out.speed = c.speed;
  if (c.queueLimit !== undefined) out.queueLimit = c.queueLimit;
  if (c.errorRate !== undefined) out.errorRate = c.errorRate;
  if (c.partitioned !== undefined) out.partitioned = c.partitioned;
  return out;
}

function serializeEvent(e: ScheduledEvent): RawEvent {
  switch (e.action) {
    case 'kill':
    case 'drain':
    case 'crash':
    case 'revive':
    case 'remove':
      return { at: e.at, action: e.action, server: e.server };
    case 'update':
      return { at: e.at, action: 'update', server: e.server, set: serializeChanges(e.set) };
    case 'add':
      return { at: e.at, action: 'add', spec: serializeServer(e.spec) };
    case 'strategy':
      return { at: e.at, action: 'strategy', strategy: e.strategy };
    case 'spike':
      return {
        at: e.at,
        action: 'spike',
        server: e.server,
        factor: e.factor,
        durationMs: e.durationMs,
      };
  }
}
