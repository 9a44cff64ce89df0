import type { Rng } from '../random.ts';

/** A closed-loop traffic segment: `clients` clients send, wait, think (mean `thinkMs`), repeat. */
export interface ClosedLoopSpec {
  readonly from: number;
  readonly to: number;
  readonly clients: number;
  readonly thinkMs: number;
}

/**
 * Closed-loop clients: each of N clients sends one request, waits for its outcome (served,
 * rejected, failed or timed out: whatever ends it), thinks for an exponential time of mean Z and
 * sends the next, from `from` until `to`. A closed loop regulates itself: when the servers slow
 * down, clients wait longer and send less, so the offered load falls with the service rate, which
 * an open loop's fixed arrival rate never does (Schroeder, Wierman & Harchol-Balter, "Open Versus
 * Closed: A Cautionary Tale", NSDI 2006).
 *
 * Each client's first request goes out after one think time from `from`, so a population starts
 * spread out rather than as a burst. This class only keeps the books (which client waits for
 * which request, who is still sending); the simulation schedules the wake-ups it returns. Memory
 * is one entry per client, never per request.
 */
export class ClientPopulation {
  /** Per client: its segment's end, mean think time, and whether it will still send. */
  private readonly to: number[] = [];
  private readonly think: number[] = [];
  private readonly alive: boolean[] = [];
  /** Request id -> the client waiting for it. */
  private readonly waitingFor = new Map<number, number>();
  /** Clients that will still send (not retired). */
  private live = 0;

  constructor(private readonly rng: Rng) {}

  /** Clients ever added. */
  get size(): number {
    return this.to.length;
  }

  /** Whether any client may still send. */
  get pending(): boolean {
    return this.live > 0;
  }

  /** Clients waiting for an answer right now. */
  get waiting(): number {
    return this.waitingFor.size;
  }

  /**
   * Adds a segment's clients at simulated time `now`; returns, per new client, when it first
   * wakes (Infinity when the segment is over before it would); client numbers follow `size`.
   */
  add(spec: ClosedLoopSpec, now: number): { first: number; wakes: number[] } {
    const first = this.to.length;
    const start = Math.max(spec.from, now);
    const wakes: number[] = [];
    for (let i = 0; i < spec.clients; i++) {
      this.to.push(spec.to);
      this.think.push(spec.thinkMs);
      const at = start + this.drawThink(spec.thinkMs);
      const sends = at < spec.to;
      this.alive.push(sends);
      if (sends) this.live++;
      wakes.push(sends ? at : Infinity);
    }
    return { first, wakes };
  }

  /** Client `client` sent request `id` and now waits for it. */
  sent(client: number, id: number): void {
    this.waitingFor.set(id, client);
  }

  /**
   * Request `id` ended at `now`. Returns when its client wakes to send the next one: a time, or
   * Infinity when its segment is over (the client retires), or -1 when no client waited for it.
   */
  ended(id: number, now: number): number {
    const client = this.waitingFor.get(id);
    if (client === undefined) return -1;
    this.waitingFor.delete(id);
    if (!this.alive[client]) return Infinity;
    const at = now + this.drawThink(this.think[client]!);
    if (at < this.to[client]!) return at;
    this.retire(client);
    return Infinity;
  }

  /** The client number waiting for request `id`, or -1. */
  clientOf(id: number): number {
    return this.waitingFor.get(id) ?? -1;
  }

  /**
   * Stops clients `from` onwards (their traffic was replaced): none sends again; their answers
   * still arrive and end their requests.
   */
  retireFrom(from = 0): void {
    for (let c = from; c < this.alive.length; c++) if (this.alive[c]) this.retire(c);
  }

  /** Whether client `client`, waking at `now`, sends (it was not retired, its segment goes on). */
  sends(client: number, now: number): boolean {
    if (!this.alive[client]) return false;
    if (now < this.to[client]!) return true;
    this.retire(client);
    return false;
  }

  private retire(client: number): void {
    this.alive[client] = false;
    this.live--;
  }

  /** An exponential think time of mean `meanMs`, from the clients' own stream (see serviceTime.ts). */
  private drawThink(meanMs: number): number {
    return -meanMs * Math.log(1 - this.rng.next());
  }
}
