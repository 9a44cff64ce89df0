import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../engine/scenario/schema.ts';
import type { Scenario } from '../../../engine/scenario/types.ts';
import { exportConfig } from './index.ts';
import { directives } from './testing.ts';

function setup(raw: Record<string, unknown>): Scenario {
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.scenario;
}

const plain = setup({});
const overloaded = setup({
  traffic: [{ from: 0, to: 10_000, clients: 20, thinkMs: 500 }],
  shedding: { maxQueue: 5, maxQueueMs: 300, codel: true },
  contention: { model: 'linear', alpha: 0.1 },
  resilience: {
    deadlineMs: 800,
    limiter: { algorithm: 'aimd', initialLimit: 8, minLimit: 1 },
    throttling: { enabled: true, k: 2 },
    hedge: { afterMs: 250 },
  },
});

describe('config export of overload control', () => {
  it('says nothing about it for a setup without it', () => {
    for (const f of ['nginx', 'haproxy', 'envoy'] as const) {
      const c = exportConfig(plain, f);
      expect(c.defenceNotes.join(' ')).not.toMatch(/shed|hedg|throttl|concurrency limit/i);
    }
    expect(directives(exportConfig(plain, 'haproxy').text)).not.toContain('timeout queue');
  });

  it('writes HAProxy’s timeout queue and names maxqueue as the nearest to a queue limit', () => {
    const c = exportConfig(overloaded, 'haproxy');
    expect(directives(c.text)).toContain('timeout queue 300ms');
    const notes = c.defenceNotes.join('\n');
    expect(notes).toMatch(/`maxqueue 5` on each server/);
    expect(notes).toMatch(/HAProxy has no limit that learns from latency/);
    expect(notes).toMatch(/HAProxy cannot hedge/);
  });

  it('points Envoy users to adaptive concurrency, admission control and the hedge policy', () => {
    const notes = exportConfig(overloaded, 'envoy').defenceNotes.join('\n');
    expect(notes).toMatch(/envoy\.filters\.http\.adaptive_concurrency/);
    // K = 2 is a success-rate threshold of 50%.
    expect(notes).toMatch(
      /envoy\.filters\.http\.admission_control.*sr_threshold: \{ default_value: \{ value: 50 \} \}/,
    );
    expect(notes).toMatch(/per_try_timeout: 0\.25s.*hedge_on_per_try_timeout: true/);
    expect(notes).toMatch(/max_pending_requests: 5/);
  });

  it('says where NGINX has no equivalent, and what only NGINX Plus has', () => {
    const notes = exportConfig(overloaded, 'nginx').defenceNotes.join('\n');
    expect(notes).toMatch(/NGINX Plus’s `queue 5`/);
    expect(notes).toMatch(/NGINX has no client-side adaptive throttling/);
    expect(notes).toMatch(/CoDel run in the server’s own request queue/);
    expect(notes).toMatch(/Closed-loop clients are how the load arrives/);
    expect(notes).toMatch(/Contention .* nothing to configure/);
  });
});
