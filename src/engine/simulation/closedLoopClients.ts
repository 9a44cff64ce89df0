import { ClientPopulation, type ClosedLoopSpec } from '../overload/clientPopulation.ts';
import type { Rng } from '../random.ts';
import { THINK_END } from './eventKinds.ts';
import type { SimCore } from './simCore.ts';

/**
 * Closed-loop traffic: populations of clients that each send a request, wait for its outcome,
 * think (exponential, mean `thinkMs`, from the clients' own stream) and send the next (see
 * overload/clientPopulation.ts). Their requests are ordinary arrivals; the core tells this part
 * when a request ends (`on` only once a population exists), and the client's next send is an
 * event of its own.
 */
export class ClosedLoopClients {
  /** A population exists: the core reports every request's end here. */
  on = false;
  private readonly population: ClientPopulation;
  /** Clients of the live population set from the page (retired when it changes). */
  private liveFrom = -1;

  constructor(
    private readonly core: SimCore,
    rng: Rng,
  ) {
    this.population = new ClientPopulation(rng);
  }

  /** Whether any client may still send. */
  get pending(): boolean {
    return this.population.pending;
  }

  /** Clients waiting for an answer now. */
  get waiting(): number {
    return this.population.waiting;
  }

  /** Adds a population from a traffic segment (or the page). */
  add(spec: ClosedLoopSpec): void {
    this.on = true;
    const core = this.core;
    const { first, wakes } = this.population.add(spec, core.now);
    wakes.forEach((at, i) => {
      if (at < Infinity) core.schedule(at, THINK_END, first + i);
    });
  }

  /** The page's population: `clients` thinking `thinkMs` from now on (0 clients stops it). */
  setPopulation(clients: number, thinkMs: number): void {
    if (this.liveFrom >= 0) this.population.retireFrom(this.liveFrom);
    this.liveFrom = -1;
    if (clients <= 0) return;
    this.liveFrom = this.population.size;
    this.add({ from: this.core.now, to: Infinity, clients, thinkMs });
  }

  /** Event: a client has finished thinking: it sends its next request (if its segment goes on). */
  wake(client: number): void {
    const core = this.core;
    if (!this.population.sends(client, core.now)) return;
    // Registered before the request is dispatched: it may end at once (rejected).
    this.population.sent(client, core.nextRequestId);
    core.arrive();
  }

  /** Request `id` ended: its client, if it has one, thinks and sends again. */
  ended(id: number): void {
    const population = this.population;
    const client = population.clientOf(id);
    if (client < 0) return;
    const at = population.ended(id, this.core.now);
    if (at < Infinity) this.core.schedule(at, THINK_END, client);
  }
}
