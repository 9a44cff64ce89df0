import { describe, expect, it } from 'vitest';
import { SimSession } from './simSession.ts';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import { EVENT_CHUNK, MAX_REQUESTS_HELD, requestsHeld } from './heldCap.ts';
import { BURST_SLICE } from '../engine/simulation/trafficSources.ts';

/** A storm of bursts into one server whose queue never ends: what once grew a tab to 8 GB. */
const storm = scenarioOf({
  version: 1,
  servers: [{ name: 'only', capacity: 4, queueLimit: null }],
  traffic: Array.from({ length: 1000 }, (_, i) => ({ at: i * 10, burst: 1_000_000 })),
});

describe('the held cap in the page’s run', () => {
  it('stops a storm of bursts just past the cap, with a sentence naming it', () => {
    const session = new SimSession(storm);
    session.play();
    session.setSpeed('max');
    let wall = 0;
    for (let i = 0; i < 100_000 && session.playing; i++) {
      try {
        session.advance(16, 10, () => (wall += 1));
      } catch (error) {
        session.halt(error); // as the run loop does
      }
    }
    expect(session.playing).toBe(false);
    const held = requestsHeld(session.simulation);
    // Checked after every chunk of events, each event at most one slice of a burst.
    expect(held).toBeGreaterThan(MAX_REQUESTS_HELD);
    expect(held).toBeLessThanOrEqual(MAX_REQUESTS_HELD + EVENT_CHUNK * BURST_SLICE);
    expect(session.fault).toMatch(
      /^The run was stopped at 0\.010 s simulated: 1,\d{3},\d{3} requests were held at once \(1,\d{3},\d{3} of them queued\), over the cap of 1,000,000 a run may hold \(about 100 bytes each\)\. Most wait in queues, .*give the servers a queue limit/,
    );
    // Play again: it stops again at once instead of growing.
    session.play();
    expect(() => session.advance(16, 10, () => (wall += 1))).toThrow(/over the cap/);
  });

  it('stops a long step by the same cap, and the step still answers', () => {
    const session = new SimSession(storm);
    expect(session.stepBy(3_600_000)).toEqual({ ok: true });
    expect(session.fault).toMatch(/over the cap of 1,000,000/);
    expect(requestsHeld(session.simulation)).toBeLessThanOrEqual(
      MAX_REQUESTS_HELD + EVENT_CHUNK * BURST_SLICE,
    );
  });
});
