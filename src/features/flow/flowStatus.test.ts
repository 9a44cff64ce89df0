import { describe, expect, it } from 'vitest';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { flowStatus } from './flowStatus.ts';

const server = (over: Partial<ServerSnapshot> = {}): ServerSnapshot => ({
  slot: 0,
  name: 'Server-A',
  up: true,
  healthy: true,
  active: 0,
  queued: 0,
  capacity: 3,
  queueLimit: 0,
  weight: 1,
  speed: 1,
  cacheSize: 0,
  believedUp: true,
  draining: false,
  partitioned: false,
  errorRate: 0,
  spike: 1,
  ejected: false,
  ejectedUntil: null,
  breaker: 'closed',
  slowStart: null,
  failed: 0,
  cacheHitRate: null,
  ...over,
});

describe('flowStatus', () => {
  it('says nothing for a healthy server with room', () => {
    expect(flowStatus(server({ active: 2 }))).toEqual({ state: 'healthy', text: '' });
  });

  it('calls an ejected idle server ejected, not "queue full" (it is out of the pool, not full)', () => {
    const s = server({ healthy: false, ejected: true, ejectedUntil: 30_000, queueLimit: 10 });
    expect(flowStatus(s)).toEqual({ state: 'ejected', text: 'ejected' });
  });

  it('calls a server full only when every place and queue slot is taken', () => {
    // All three places busy but room in its queue: not full.
    expect(flowStatus(server({ active: 3, queued: 2, queueLimit: 10 })).text).toBe('');
    expect(flowStatus(server({ active: 3, queued: 10, queueLimit: 10 }))).toEqual({
      state: 'full',
      text: 'full',
    });
    expect(flowStatus(server({ active: 3 }))).toEqual({ state: 'full', text: 'full' });
    // An unbounded queue is never full.
    expect(flowStatus(server({ active: 3, queued: 500, queueLimit: null })).text).toBe('');
  });

  it('shows the states the servers list shows, most serious first', () => {
    expect(flowStatus(server({ up: false, healthy: false })).text).toBe('down');
    expect(flowStatus(server({ draining: true, active: 3 })).text).toBe('draining');
    expect(flowStatus(server({ breaker: 'open' })).text).toBe('circuit open');
    expect(flowStatus(server({ breaker: 'half-open' })).text).toBe('half-open');
    expect(flowStatus(server({ slowStart: 0.4, active: 3 }))).toEqual({
      state: 'slow-start',
      text: 'slow start · full',
    });
    expect(flowStatus(server({ partitioned: true })).state).toBe('partitioned');
  });
});
