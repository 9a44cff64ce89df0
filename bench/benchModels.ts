/** The scenarios the engine benchmarks share (`npm run bench` and `npm run bench:instructions`). */

/**
 * The reference model as a scenario: 100 servers of capacity 1 with unbounded FIFO queues,
 * exponential service (mean 1 s), power of two choices, Poisson arrivals at 90% of capacity for
 * about `arrivals` requests; no cache (the model has none), histograms and every series on.
 */
export function referenceModel(arrivals: number) {
  return {
    strategy: 'power-of-two-choices',
    servers: Array.from({ length: 100 }, (_, i) => ({
      name: `S${i}`,
      capacity: 1,
      queueLimit: null,
    })),
    service: { distribution: 'exponential', meanMs: 1000 },
    cache: { placement: 'off' },
    traffic: [{ from: 0, to: Math.round((arrivals / 90) * 1000), ratePerSec: 90 }],
  };
}

/** Poisson traffic at 80% of the pool's capacity (mean service 400 ms), for about `requests`. */
export function pool(servers: number, capacity: number, requests: number) {
  const rate = Math.round(((servers * capacity) / 0.4) * 0.8);
  return {
    servers: Array.from({ length: servers }, (_, i) => ({ name: `S${i}`, capacity })),
    traffic: [{ from: 0, to: Math.ceil((requests / rate) * 1000), ratePerSec: rate }],
    keys: { count: 100_000, zipf: 0.9 },
  };
}

/** The same pool with the scenario defaults' keys (1,000 keys, Zipf 1) instead of 100,000. */
export function withDefaultKeys(raw: ReturnType<typeof pool>) {
  return { servers: raw.servers, traffic: raw.traffic };
}

/** What `npm run bench:instructions` counts (instructionWorkload.ts runs one of them). */
export const WORKLOADS = ['reference', 'engine', 'least-connections'] as const;
export type Workload = (typeof WORKLOADS)[number];
