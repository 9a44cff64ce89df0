import type { FormulaId } from './theoryOverlay.ts';

/**
 * One small scenario per formula that sits inside what the formula covers, so a person can load
 * it from the theory panel and watch the simulation close in on the prediction.
 */

const pool = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `S${String(i + 1).padStart(2, '0')}`,
    capacity: 1,
    queueLimit: null,
  }));

export const THEORY_EXAMPLES: Record<FormulaId, Record<string, unknown>> = {
  'erlang-b': {
    version: 1,
    name: 'Erlang B: no queues',
    servers: [
      { name: 'Server-A', capacity: 3, queueLimit: 0 },
      { name: 'Server-B', capacity: 2, queueLimit: 0 },
      { name: 'Server-C', capacity: 4, queueLimit: 0 },
    ],
    // Uniform on purpose: Erlang B depends only on the mean service time.
    service: { distribution: 'uniform', minMs: 200, maxMs: 600 },
    cache: { placement: 'off' },
    traffic: [{ from: 0, to: 300_000, ratePerSec: 17.5 }],
  },
  mm1: {
    version: 1,
    name: 'M/M/1: random routing',
    strategy: 'random',
    servers: pool(4),
    service: { distribution: 'exponential', meanMs: 100 },
    cache: { placement: 'off' },
    traffic: [{ from: 0, to: 300_000, ratePerSec: 30 }],
  },
  supermarket: {
    version: 1,
    name: 'Supermarket: power of two choices',
    strategy: 'power-of-two-choices',
    strategyOptions: { choices: 2 },
    servers: pool(20),
    service: { distribution: 'exponential', meanMs: 100 },
    cache: { placement: 'off' },
    traffic: [{ from: 0, to: 300_000, ratePerSec: 160 }],
  },
  che: {
    version: 1,
    name: 'Che: a shared LRU cache',
    servers: [
      { name: 'Server-A', capacity: 3, queueLimit: 20 },
      { name: 'Server-B', capacity: 2, queueLimit: 20 },
      { name: 'Server-C', capacity: 4, queueLimit: 20 },
    ],
    cache: { placement: 'shared', capacity: 128, hitMs: 1 },
    keys: { count: 1000, zipf: 1 },
    traffic: [{ from: 0, to: 300_000, ratePerSec: 20 }],
  },
};
