import type { Rng } from '../random.ts';
import type { RequestTable } from '../requestTable.ts';
import type { StrategyName } from '../strategies/strategy.ts';
import type { ZipfSampler } from '../zipf.ts';

/**
 * The strategies known to ignore a request's key. Any other (the hashing ones, a user's own
 * strategy, one added later) is taken to read it, so keys are drawn on arrival for it.
 */
const KEYLESS_STRATEGIES: ReadonlySet<string> = new Set<StrategyName>([
  'round-robin',
  'least-connections',
  'random',
  'weighted-round-robin',
  'power-of-two-choices',
  'peak-ewma',
]);

/** Whether a run with this strategy and cache placement reads request keys at all. */
export function keysRead(strategy: string, cachePlacement: string): boolean {
  return cachePlacement !== 'off' || !KEYLESS_STRATEGIES.has(strategy);
}

/**
 * Request keys drawn only when something reads them. Every arrival takes one key from the keys
 * stream, in arrival order; with no cache and a strategy that ignores keys nothing reads them,
 * and the draw (a tenth of an arrival's cost) is skipped. The skipped draws are owed: when a
 * reader appears (a cache, a hashing strategy, another key space), the keys of the requests still
 * held are drawn and the draws of those gone are stepped over, in arrival order, so the stream and
 * every key read afterwards are exactly what drawing on every arrival would have given.
 *
 * Only a sampler that takes a fixed number of draws per key can be stepped over; a key space
 * drawn by rejection (a varying number of draws) is always drawn at once.
 */
export class DeferredKeys {
  /** True while arrivals skip the draw (they carry key 0, never read). */
  deferred = false;
  /** Arrivals up to this count had their keys drawn; those after it are owed. */
  private drawnUpTo = 0;

  constructor(private readonly rng: Rng) {}

  /**
   * Draws what is owed with `sampler` (the key space the owed arrivals came under) into the rows
   * of `requests` still holding them, then defers from now on if `deferNow` and the sampler
   * allows it. `arrived` counts arrivals so far: request ids are 1, 2, ... in arrival order.
   */
  settle(sampler: ZipfSampler, requests: RequestTable, arrived: number, deferNow: boolean): void {
    if (this.deferred) this.drawOwed(sampler, requests, arrived);
    this.drawnUpTo = arrived;
    this.deferred = deferNow && sampler.drawsPerKey > 0;
  }

  private drawOwed(sampler: ZipfSampler, requests: RequestTable, arrived: number): void {
    // Rows whose request arrived while keys were owed (free rows too: a key there is harmless).
    const rows: number[] = [];
    const ids = requests.id;
    for (let r = 0; r < requests.highWater; r++) if (ids[r]! > this.drawnUpTo) rows.push(r);
    rows.sort((a, b) => ids[a]! - ids[b]!);
    const steps = sampler.drawsPerKey;
    let id = this.drawnUpTo;
    let key = 0;
    for (const r of rows) {
      const rowId = ids[r]!;
      if (rowId > id) {
        // Step over the draws of the requests in between, then draw this one's key.
        for (let k = (rowId - id - 1) * steps; k > 0; k--) this.rng.next();
        key = sampler.sample();
        id = rowId;
      }
      requests.key[r] = key;
    }
    for (let k = (arrived - id) * steps; k > 0; k--) this.rng.next();
  }
}
