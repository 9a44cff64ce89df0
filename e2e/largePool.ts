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

/** The share-link hash (`#s=…`) of that scenario, made as the page makes them. */
export function largePoolHash(size: number): string {
  const json = JSON.stringify(largePoolScenario(size));
  return `#s=${deflateRawSync(Buffer.from(json)).toString('base64url')}`;
}
