/**
 * Hedged requests (Dean & Barroso, "The Tail at Scale", CACM 2013): when a request has had no
 * answer after `afterMs` (they suggest the 95th-percentile latency), the client sends a second copy
 * to another server and takes whichever answer comes first; the other is cancelled (or, if not,
 * finishes as wasted work). Hedging at the 95th percentile adds about 5% more requests and cuts
 * the tail sharply, because a slow answer usually comes from the server's moment (a queue, a
 * garbage collection, a noisy neighbour), not from the request.
 *
 * This ledger counts hedges and applies the optional budget: at most `budgetPercent` extra
 * requests, i.e. a hedge is sent only while hedges sent < budgetPercent% of requests so far (the
 * same share-of-traffic form as Envoy's retry budget and gRPC's retry throttling).
 */
export class HedgeLedger {
  /** Copies sent. */
  sent = 0;
  /** Requests whose copy answered first. */
  won = 0;
  /** Losers cancelled (taken out of a queue or stopped in service). */
  cancelled = 0;
  /** Hedges the budget refused. */
  denied = 0;

  constructor(
    /** At most this many hedges per hundred requests; null = no budget (changed live). */
    public budgetPercent: number | null,
  ) {}

  /** Whether a hedge may go out now, after `requests` requests have arrived. Counts a refusal. */
  allow(requests: number): boolean {
    const budget = this.budgetPercent;
    if (budget !== null && this.sent + 1 > (budget / 100) * requests) {
      this.denied++;
      return false;
    }
    return true;
  }

  /** Extra load: hedges sent per request (0.05 = 5% more requests than without hedging). */
  extraLoad(requests: number): number {
    return requests > 0 ? this.sent / requests : 0;
  }
}
