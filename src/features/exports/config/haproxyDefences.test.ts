import { describe, expect, it } from 'vitest';
import { haproxyConfig } from './haproxy.ts';
import { defendedSetup, directives, testSetup } from './testing.ts';

const backend = (...args: Parameters<typeof defendedSetup>) =>
  directives(haproxyConfig(defendedSetup(...args)).text);
const notes = (...args: Parameters<typeof defendedSetup>) =>
  haproxyConfig(defendedSetup(...args)).defenceNotes.join(' ');
const defaultServer = (lines: string[]) => lines.filter((l) => l.startsWith('default-server'));

describe('haproxyConfig defences', () => {
  it('writes nothing about defences for a setup without them', () => {
    const s = haproxyConfig(testSetup('round-robin'));
    expect(s.text).not.toMatch(/mode http|timeout|retries|check/);
    expect(s.defenceNotes).toEqual([]);
  });

  it('opens the backend in HTTP mode and writes the timeouts', () => {
    const lines = backend('round-robin', { connectTimeoutMs: 250, timeoutMs: 1500 });
    expect(lines.slice(0, 3)).toEqual(['backend classic_demo', 'mode http', 'balance roundrobin']);
    expect(lines).toContain('timeout connect 250ms');
    expect(lines).toContain('timeout server 1500ms');
    expect(notes('round-robin', { timeoutMs: 1500 })).toMatch(/an inactivity timeout/);
  });

  it('writes no timeout server when the client waits forever, and says so', () => {
    const s = haproxyConfig(defendedSetup('round-robin', { timeoutMs: null }));
    expect(directives(s.text).some((l) => l.startsWith('timeout server'))).toBe(false);
    expect(s.text).toMatch(/# no timeout server/);
    expect(s.defenceNotes.join(' ')).toMatch(/waits forever too/);
  });

  it('maps active checks to check inter/rise/fall, timeout check and option httpchk', () => {
    const spec = { mode: 'active', intervalMs: 1500, rise: 4, fall: 2, timeoutMs: 800 } as const;
    const s = haproxyConfig(defendedSetup('round-robin', { healthCheck: spec }));
    const lines = directives(s.text);
    expect(lines).toContain('option httpchk');
    expect(lines).toContain('timeout check 800ms');
    expect(defaultServer(lines)).toEqual(['default-server check inter 1500ms rise 4 fall 2']);
    expect(s.text).toMatch(/# The simulated check only asks “is the server up and reachable\?”/);
    const said = s.defenceNotes.join(' ');
    expect(said).toMatch(/after 2 failed checks in a row and comes back after 4 passes/);
    expect(said).toMatch(/plain `check` does \(a TCP connect\)/);
    expect(said).toMatch(/the shorter of `timeout connect` and `inter`/);
  });

  it('writes no checks for the instant registry or for mode none, with notes', () => {
    for (const mode of ['instant', 'none'] as const) {
      const lines = backend('round-robin', { healthCheck: { mode } });
      expect(lines.some((l) => /\bcheck\b/.test(l))).toBe(false);
    }
    expect(notes('round-robin', { healthCheck: { mode: 'instant' } })).toMatch(
      /Real balancers need checks/,
    );
    expect(notes('round-robin', { healthCheck: { mode: 'none' } })).toMatch(/no health checks/);
  });

  it('uses observe layer7 for outlier ejection, turning checks on when the setup has none', () => {
    const outlier = { enabled: true, consecutiveFailures: 7 };
    expect(defaultServer(backend('round-robin', { outlier }))).toEqual([
      'default-server check observe layer7 error-limit 7 on-error mark-down',
    ]);
    const said = notes('round-robin', { outlier });
    expect(said).toMatch(/no Envoy-style outlier ejection/);
    expect(said).toMatch(/`observe` only works with health checks/);
    const active = notes('round-robin', { outlier, healthCheck: { mode: 'active' } });
    expect(active).not.toMatch(/`observe` only works with health checks/);
  });

  it('retries on another server with retries, retry-on and option redispatch 1', () => {
    const lines = backend('round-robin', { retry: { mode: 'budget', maxRetries: 3 } });
    expect(lines).toContain('retries 3');
    expect(lines).toContain(
      'retry-on conn-failure empty-response response-timeout 500 502 503 504',
    );
    expect(lines).toContain('option redispatch 1');
    expect(notes('round-robin', { retry: { mode: 'budget' } })).toMatch(
      /HAProxy has no retry budget.*retry storm/,
    );
    expect(notes('round-robin', { retry: { mode: 'naive' } })).toMatch(/no retry budget either/);
  });

  it('writes retries 0 when the setup does not retry, since HAProxy retries by default', () => {
    for (const retry of [{ mode: 'off' }, { mode: 'naive', maxRetries: 0 }] as const) {
      const lines = backend('round-robin', { retry });
      expect(lines).toContain('retries 0');
      expect(lines.some((l) => l.startsWith('retry-on') || l.includes('redispatch'))).toBe(false);
    }
    expect(notes('round-robin', { retry: { mode: 'off' } })).toMatch(/default is 3 retries/);
  });

  it('ramps returning servers in with slowstart', () => {
    expect(defaultServer(backend('round-robin', { slowStartMs: 30_000 }))).toEqual([
      'default-server slowstart 30s',
    ]);
    const both = backend('round-robin', { slowStartMs: 2500, healthCheck: { mode: 'active' } });
    expect(defaultServer(both)).toEqual([
      'default-server check inter 2s rise 2 fall 3 slowstart 2500ms',
    ]);
    expect(notes('round-robin', { slowStartMs: 30_000 })).toMatch(/raises its maxconn from 1/);
  });

  it('says what HAProxy has no equivalent of: panic threshold, breaker, shared load views', () => {
    const said = notes('round-robin', {
      panicThresholdPercent: 50,
      breaker: { enabled: true, failureThreshold: 4 },
      balancers: { count: 3, loadUpdateMs: 200 },
    });
    expect(said).toMatch(/no panic threshold \(the setup’s 50%\)/);
    expect(said).toMatch(/no circuit breaker.*error-limit 4/);
    expect(said).toMatch(/3 HAProxy instances.*up to 3 times as many requests/);
    expect(notes('round-robin')).not.toMatch(/panic|circuit breaker|instances/);
  });
});
