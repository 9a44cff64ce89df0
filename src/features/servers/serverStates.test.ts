import { describe, expect, it } from 'vitest';
import { serverBadges, type ServerFacts } from './serverStates.ts';

const healthy: ServerFacts = {
  up: true,
  believedUp: true,
  draining: false,
  partitioned: false,
  ejected: false,
  ejectedInS: null,
  breaker: 'closed',
  errorRate: 0,
  spike: 1,
  slowStart: null,
  full: false,
  failed: 0,
};

const kinds = (f: Partial<ServerFacts>) => serverBadges({ ...healthy, ...f }).map((b) => b.kind);

describe('serverBadges', () => {
  it('calls a server with nothing wrong healthy', () => {
    expect(serverBadges(healthy)).toEqual([expect.objectContaining({ kind: 'healthy' })]);
  });

  it('says when the balancer still believes a crashed server is up', () => {
    const [main] = serverBadges({ ...healthy, up: false, believedUp: true, failed: 12 });
    expect(main).toMatchObject({ kind: 'down', text: 'down — balancer still thinks up' });
    expect(kinds({ up: false, believedUp: false })).toEqual(['down']);
  });

  it('lists every state that applies, most serious first', () => {
    expect(
      kinds({ ejected: true, ejectedInS: 23, errorRate: 0.3, spike: 5, failed: 7, full: true }),
    ).toEqual(['ejected', 'sinkhole', 'spike', 'full', 'failed']);
    expect(kinds({ up: false, partitioned: true, believedUp: false })).toEqual([
      'down',
      'partitioned',
    ]);
  });

  it('counts an ejection down and shows slow start as a share', () => {
    const badges = serverBadges({ ...healthy, ejected: true, ejectedInS: 23, slowStart: 0.4 });
    expect(badges.map((b) => b.text)).toEqual(['ejected · back in 23 s', 'slow start 40%']);
  });

  it('names circuit breaker states and an up server the balancer has not taken back', () => {
    expect(kinds({ breaker: 'open' })).toEqual(['open']);
    expect(kinds({ breaker: 'half-open', believedUp: false })).toEqual(['half-open', 'belief']);
    // A draining server is not "full" even with no room: it takes nothing new anyway.
    expect(kinds({ draining: true, full: true })).toEqual(['draining']);
  });
});
