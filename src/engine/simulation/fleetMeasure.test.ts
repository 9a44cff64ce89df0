import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../scenario/limits.ts';
import type { ServerSpec } from '../scenario/types.ts';
import { ServerPool } from '../serverPool.ts';
import { countFleet } from './fleetMeasure.ts';

const spec = (name: string): ServerSpec => ({ ...DEFAULTS.server, name });

describe('countFleet', () => {
  it('counts each server state once, and bills what is up or starting', () => {
    const pool = new ServerPool({ now: 0 });
    // a stays ready; b crashes; c drains; d drains and crashes.
    const [, crashed, draining, drainingCrashed] = ['a', 'b', 'c', 'd'].map((n) =>
      pool.add(spec(n)),
    );
    pool.setUp(crashed!, false);
    pool.markDraining(draining!, true);
    pool.markDraining(drainingCrashed!, true);
    pool.setUp(drainingCrashed!, false);
    expect(countFleet(pool, 2)).toEqual({
      inPool: 1,
      down: 1,
      draining: 2,
      starting: 2,
      // Kubernetes' replicas: ready, down and starting; draining ones are on their way out.
      desired: 4,
      // The bill: the ready one, the draining one still up, and the two starting; a crashed
      // server, draining or not, runs nothing.
      running: 4,
    });
  });
});
