import type { ResilienceSpec, Scenario } from '../scenario/types.ts';
import { streamRng } from '../random.ts';
import { AdmissionControl } from './admissionControl.ts';
import { ClosedLoopClients } from './closedLoopClients.ts';
import { Hedging } from './hedging.ts';
import { ServerQueues } from './serverQueues.ts';
import type { SimCore } from './simCore.ts';

/** Overload control's parts of a simulation (issue 15), each a part beside the core. */
export interface OverloadParts {
  readonly queues: ServerQueues;
  readonly admission: AdmissionControl;
  readonly hedging: Hedging;
  readonly clients: ClosedLoopClients;
}

/** Builds overload control's parts for `core`, each with its own random stream where it draws. */
export function buildOverloadParts(core: SimCore, scenario: Scenario): OverloadParts {
  const seed = scenario.seed;
  const r = scenario.resilience;
  const queues = new ServerQueues(core, scenario.shedding, scenario.contention);
  const admission = new AdmissionControl(
    core,
    streamRng(seed, 'throttle'),
    streamRng(seed, 'limiter'),
  );
  admission.configure(r.throttling, r.limiter);
  const hedging = new Hedging(core, r.hedge, scenario.service, streamRng(seed, 'hedge'));
  const clients = new ClosedLoopClients(core, streamRng(seed, 'clients'));
  core.metrics.overload.deadlineMs = deadlineOf(r);
  return { queues, admission, hedging, clients };
}

/** Whether any overload mechanism is on now (a deadline counts: it makes goodput differ). */
export function overloadOn(parts: OverloadParts, resilience: ResilienceSpec): boolean {
  return (
    parts.queues.on ||
    parts.queues.contentionOn ||
    parts.admission.throttleOn ||
    parts.admission.limiterOn ||
    parts.hedging.on ||
    parts.clients.on ||
    resilience.deadlineMs !== null
  );
}

/**
 * Attempt `r` was served (the core calls this on every answer): its limiter place goes back as a
 * success and the throttle counts an accept; a hedged request's other copy is settled.
 */
export function answered(core: SimCore, r: number): void {
  if (core.admission.engaged) core.admission.answered(r);
  if (core.requests.twin[r]! >= 0) core.hedging.settle(r);
}

/** A request's deadline for goodput: the explicit one, else the client timeout, else none. */
export function deadlineOf(r: ResilienceSpec): number {
  return r.deadlineMs ?? r.timeoutMs ?? Infinity;
}
