import { deflateRawSync } from 'node:zlib';

/**
 * A pool of `size` servers (capacity 3, the format's defaults) under steady Poisson traffic at
 * about two thirds of its capacity for a minute, as a scenario file's JSON: what the large-pool
 * end-to-end tests and `npm run bench:pool` open.
 */
export function largePoolScenario(size: number): Record<string, unknown> {
  const servers = Array.from({ length: size }, (_, i) => ({ name: `node-${i + 1}` }));
  // Capacity 3 and a 400 ms mean service time serve 7.5 requests a second per server.
  const ratePerSec = Math.round(size * 5);
  return {
    version: 1,
    name: `${size.toLocaleString('en-US')} servers`,
    strategy: 'least-connections',
    servers,
    traffic: [{ from: 0, to: 60_000, ratePerSec }],
  };
}

/** The share-link hash (`#s=…`) of a scenario, made as the page makes them. */
export function shareHash(scenario: unknown): string {
  const json = JSON.stringify(scenario);
  return `#s=${deflateRawSync(Buffer.from(json)).toString('base64url')}`;
}

/** The share-link hash of the pool above. */
export function largePoolHash(size: number): string {
  return shareHash(largePoolScenario(size));
}

/**
 * A storm of bursts: 1,000 of 1,000,000 requests, 10 ms apart, at one server whose queue holds
 * `queueLimit` (null: without end), as the issue that asked for burst slices and a held cap
 * described it.
 */
export function burstStormScenario(queueLimit: number | null): Record<string, unknown> {
  return {
    version: 1,
    name: 'Burst storm',
    servers: [{ name: 'storm', capacity: 4, queueLimit }],
    traffic: Array.from({ length: 1000 }, (_, i) => ({ at: i * 10, burst: 1_000_000 })),
  };
}
