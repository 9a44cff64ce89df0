/**
 * What a pool costs: server-hours (the integral over simulated time of the servers running:
 * in the pool, starting or draining, as a cloud bills an instance from launch to termination)
 * times a price per server-hour, plus an optional price per million requests received (as a load
 * balancer or an API gateway bills them). Exact: the count is integrated between its changes.
 */
export interface CostSpec {
  /** Dollars per server per hour (0.10 by default). */
  readonly pricePerServerHour: number;
  /** Dollars per million requests received; null = not billed per request. */
  readonly pricePerMillionRequests: number | null;
}

export interface CostReport {
  readonly serverHours: number;
  readonly dollars: number;
  /** Dollars per million served requests; null before any was served. */
  readonly dollarsPerMillion: number | null;
}

const MS_PER_HOUR = 3_600_000;

export class CostMeter {
  private count = 0;
  private since = 0;
  /** Server-milliseconds up to `since`. */
  private serverMs = 0;

  /** `spec`: the prices; they may change mid-run (a price applies to the whole bill). */
  constructor(public spec: CostSpec) {}

  /** Servers billed from `now` on (the count changed). */
  setCount(now: number, count: number): void {
    this.accrue(now);
    this.count = count;
  }

  /** Servers billed now. */
  get servers(): number {
    return this.count;
  }

  serverHours(now: number): number {
    this.accrue(now);
    return this.serverMs / MS_PER_HOUR;
  }

  /** The bill up to `now` for `received` requests, `served` of them served. */
  report(now: number, received: number, served: number): CostReport {
    const serverHours = this.serverHours(now);
    const perRequest = this.spec.pricePerMillionRequests ?? 0;
    const dollars = serverHours * this.spec.pricePerServerHour + (received / 1e6) * perRequest;
    return {
      serverHours,
      dollars,
      dollarsPerMillion: served > 0 ? (dollars / served) * 1e6 : null,
    };
  }

  private accrue(now: number): void {
    if (now > this.since) {
      this.serverMs += (now - this.since) * this.count;
      this.since = now;
    }
  }
}
