import { describe, expect, it } from 'vitest';
import { nginxConfig } from './nginx.ts';
import { defendedSetup, directives, testSetup } from './testing.ts';

const config = (...args: Parameters<typeof defendedSetup>) => nginxConfig(defendedSetup(...args));
const lines = (...args: Parameters<typeof defendedSetup>) => directives(config(...args).text);
const notes = (...args: Parameters<typeof defendedSetup>) => config(...args).defenceNotes.join(' ');
const servers = (l: string[]) => l.filter((d) => /^server \S+:8080/.test(d));

describe('nginxConfig defences', () => {
  it('writes no site and no notes for a setup without defences', () => {
    const s = nginxConfig(testSetup('round-robin'));
    expect(s.text).not.toMatch(/proxy_|listen/);
    expect(s.defenceNotes).toEqual([]);
  });

  it('proxies to the upstream from a site with the timeouts', () => {
    const l = lines('round-robin', { connectTimeoutMs: 5000, timeoutMs: 1500 });
    expect(l).toContain('proxy_pass http://classic_demo;');
    expect(l).toContain('proxy_connect_timeout 5s;');
    expect(l).toContain('proxy_read_timeout 1500ms;');
    expect(notes('round-robin', { timeoutMs: 1500 })).toMatch(/the gap between two reads/);
    const forever = config('round-robin', { timeoutMs: null });
    expect(directives(forever.text).some((d) => d.startsWith('proxy_read_timeout'))).toBe(false);
    expect(forever.defenceNotes.join(' ')).toMatch(/proxy_read_timeout is 60 s unless set/);
  });

  it('maps outlier ejection to max_fails and fail_timeout, in whole seconds', () => {
    const outlier = { enabled: true, consecutiveFailures: 4, baseEjectionMs: 30_000 };
    expect(servers(lines('round-robin', { outlier }))[0]).toBe(
      'server 192.0.2.1:8080 max_conns=3 max_fails=4 fail_timeout=30s;  # Server-A',
    );
    const said = notes('round-robin', { outlier });
    expect(said).toMatch(/not in a row/);
    expect(said).toMatch(/does not grow.*nothing caps how many servers are out/);
    const rounded = config('round-robin', { outlier: { enabled: true, baseEjectionMs: 2500 } });
    expect(rounded.text).toMatch(/fail_timeout=3s;/);
    expect(rounded.defenceNotes.join(' ')).toMatch(/2\.5 s is written as 3s/);
  });

  it('turns the default passive check off only when the setup never learns (mode none)', () => {
    expect(servers(lines('round-robin', { healthCheck: { mode: 'none' } }))[0]).toMatch(
      /max_conns=3 max_fails=0;/,
    );
    const instant = config('round-robin', { healthCheck: { mode: 'instant' } });
    expect(instant.text).not.toMatch(/max_fails/);
    expect(instant.defenceNotes.join(' ')).toMatch(
      /Real balancers need checks.*default passive check \(max_fails=1 fail_timeout=10s\)/,
    );
  });

  it('writes NGINX Plus active checks commented out, with a note', () => {
    const spec = { mode: 'active', intervalMs: 2000, fall: 3, rise: 2 } as const;
    const s = config('round-robin', { healthCheck: spec });
    expect(s.text).toMatch(/^ {8}# health_check interval=2s fails=3 passes=2;$/m);
    expect(directives(s.text).some((d) => d.startsWith('health_check'))).toBe(false);
    expect(s.defenceNotes.join(' ')).toMatch(/Active health checks are NGINX Plus only/);
  });

  it('retries with proxy_next_upstream and 1 + maxRetries tries, and says there is no budget', () => {
    const l = lines('round-robin', { retry: { mode: 'budget', maxRetries: 2 } });
    expect(l).toContain('proxy_next_upstream error timeout http_500 http_502 http_503 http_504;');
    expect(l).toContain('proxy_next_upstream_tries 3;');
    const said = notes('round-robin', { retry: { mode: 'budget', maxRetries: 2 } });
    expect(said).toMatch(/NGINX has no retry budget/);
    expect(said).toMatch(/no backoff/);
  });

  it('allows one try when the setup does not retry, so only errors and timeouts count', () => {
    expect(lines('round-robin', { retry: { mode: 'off' } })).toEqual(
      expect.arrayContaining([
        'proxy_next_upstream error timeout;',
        'proxy_next_upstream_tries 1;',
      ]),
    );
    const counted = config('round-robin', { retry: { mode: 'off' }, outlier: { enabled: true } });
    expect(counted.text).toMatch(/proxy_next_upstream error timeout http_500 .*;\n.*_tries 1;/);
    expect(counted.defenceNotes.join(' ')).toMatch(/only failed connections and timeouts count/);
  });

  it('writes Plus slow_start as a comment, except with hash and random where NGINX refuses it', () => {
    expect(config('round-robin', { slowStartMs: 30_000 }).text).toMatch(
      /^ {4}# NGINX Plus only: add slow_start=30s to each server$/m,
    );
    const hashed = config('consistent-hash', { slowStartMs: 30_000 });
    expect(hashed.text).not.toMatch(/slow_start/);
    expect(hashed.defenceNotes.join(' ')).toMatch(
      /cannot be used with `hash \$request_uri consistent`/,
    );
  });

  it('notes a lone server, the panic threshold, the breaker and several balancers', () => {
    const lone = nginxConfig({
      ...defendedSetup('round-robin', { outlier: { enabled: true } }),
      servers: [{ name: 'only', capacity: 1, weight: 1, queueLimit: 0, up: true }],
    });
    expect(lone.defenceNotes.join(' ')).toMatch(/single server NGINX ignores max_fails/);
    const said = notes('round-robin', {
      panicThresholdPercent: 40,
      breaker: { enabled: true },
      balancers: { count: 2, loadUpdateMs: 0 },
    });
    expect(said).toMatch(/no panic threshold \(the setup’s 40%\)/);
    expect(said).toMatch(/no circuit breaker/);
    expect(said).toMatch(/each sees the others’ load at once.*2 NGINX instances/);
  });
});
