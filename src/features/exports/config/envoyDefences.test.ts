import { describe, expect, it } from 'vitest';
import { envoyConfig } from './envoy.ts';
import { defendedSetup, testSetup } from './testing.ts';

const config = (...args: Parameters<typeof defendedSetup>) => envoyConfig(defendedSetup(...args));
const notes = (...args: Parameters<typeof defendedSetup>) => config(...args).defenceNotes.join(' ');
/** The commented route after the cluster, uncommented. */
const route = (text: string) =>
  text
    .slice(text.indexOf('# The route'))
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.replace(/^# ?/, ''));

describe('envoyConfig defences', () => {
  it('writes nothing about defences for a setup without them', () => {
    const s = envoyConfig(testSetup('round-robin'));
    expect(s.text).not.toMatch(/connect_timeout|health_checks|outlier_detection|route/);
    expect(s.defenceNotes).toEqual([]);
  });

  it('writes connect_timeout into the cluster', () => {
    expect(config('round-robin', { connectTimeoutMs: 250 }).text).toMatch(
      /^ {4}type: STRICT_DNS\n {4}connect_timeout: 0\.25s\n/m,
    );
  });

  it('maps active checks to a TCP health check with rise and fall as thresholds', () => {
    const spec = { mode: 'active', intervalMs: 1500, timeoutMs: 800, rise: 4, fall: 2 } as const;
    const s = envoyConfig(defendedSetup('round-robin', { healthCheck: spec }, [{ up: false }]));
    expect(s.text).toContain(
      [
        '    health_checks:',
        '      - timeout: 0.8s',
        '        interval: 1.5s',
        '        unhealthy_threshold: 2',
        '        healthy_threshold: 4',
        '        tcp_health_check: {}  # connect only: “is it up and reachable?”',
      ].join('\n'),
    );
    // The checks find a down server; a static UNHEALTHY would keep it out after it recovers.
    expect(s.text).not.toMatch(/health_status/);
    expect(s.defenceNotes.join(' ')).toMatch(/`tcp_health_check` with no payload only connects/);
    expect(notes('round-robin', { healthCheck: { mode: 'instant' } })).toMatch(
      /Real balancers need checks.*EDS health_status/,
    );
  });

  it('maps outlier ejection to outlier_detection, with only consecutive failures enforced', () => {
    const outlier = {
      enabled: true,
      consecutiveFailures: 7,
      baseEjectionMs: 2000,
      maxEjectionMs: 1000,
      maxEjectionPercent: 12.5,
    };
    const s = config('round-robin', { outlier });
    expect(s.text).toContain(
      [
        '    outlier_detection:',
        '      consecutive_5xx: 7',
        '      interval: 10s',
        '      base_ejection_time: 2s',
        '      max_ejection_time: 2s',
        '      max_ejection_percent: 13',
        '      enforcing_success_rate: 0  # only consecutive failures eject, as in the simulation',
      ].join('\n'),
    );
    expect(s.text).not.toMatch(/successful_active_health_check_uneject_host/);
    const said = s.defenceNotes.join(' ');
    expect(said).toMatch(/first `interval` sweep/);
    expect(said).toMatch(/12\.5% is written as 13%/);
    const active = config('round-robin', { outlier, healthCheck: { mode: 'active' } });
    expect(active.text).toMatch(/^ {6}successful_active_health_check_uneject_host: false$/m);
  });

  it('keeps the panic threshold in one place: common_lb_config', () => {
    const s = config('round-robin', { panicThresholdPercent: 30 });
    expect(s.text.match(/healthy_panic_threshold/g)).toHaveLength(1);
    expect(s.text).toMatch(/healthy_panic_threshold:\n {8}value: 30\n/);
  });

  it('writes the retry budget into the circuit breakers and the retry policy on the route', () => {
    const retry = {
      mode: 'budget',
      maxRetries: 2,
      budgetPercent: 25,
      minRetryConcurrency: 4,
    } as const;
    const s = config('round-robin', { retry, timeoutMs: 1000 });
    expect(s.text).toMatch(
      /max_requests: 9 .*\n {10}retry_budget:\n {12}budget_percent:\n {14}value: 25\n {12}min_retry_concurrency: 4\n/,
    );
    const r = route(s.text);
    const tail = s.text.slice(s.text.indexOf('# The route')).split('\n').filter(Boolean);
    expect(tail.every((line) => line.startsWith('#'))).toBe(true);
    expect(r).toEqual(
      expect.arrayContaining([
        '        timeout: 0s  # no limit on the whole request (Envoy’s default is 15s)',
        '          retry_on: 5xx,reset,connect-failure',
        '          num_retries: 2',
        '          per_try_timeout: 1s',
        '            - name: envoy.retry_host_predicates.previous_hosts',
        '          host_selection_retry_max_attempts: 3',
        '            base_interval: 0.025s',
      ]),
    );
    expect(s.defenceNotes.join(' ')).toMatch(/`retry_budget`.*25%.*always allows 4/);
  });

  it('lifts the retry limit for naive retries, and writes no policy without retries', () => {
    const naive = config('round-robin', { retry: { mode: 'naive', backoffMs: 0 } });
    expect(naive.text).toMatch(/^ {10}max_retries: 4294967295 {2}# no limit: naive retries$/m);
    expect(naive.text).toMatch(/base_interval: 0\.001s/);
    expect(naive.defenceNotes.join(' ')).toMatch(/only 3 retries in flight.*1 ms stands for/);
    const off = config('round-robin', { retry: { mode: 'off' }, timeoutMs: 1500 });
    expect(off.text).not.toMatch(/retry_policy|retry_budget|max_retries/);
    expect(route(off.text)).toContain('        timeout: 1.5s');
    expect(off.defenceNotes.join(' ')).toMatch(/one attempt is the whole request/);
  });

  it.each([
    [
      'round-robin',
      /^ {4}round_robin_lb_config:\n {6}slow_start_config:\n {8}slow_start_window: 30s$/m,
    ],
    [
      'power-of-two-choices',
      /^ {6}choice_count: 2\n {6}slow_start_config:\n {8}slow_start_window: 30s$/m,
    ],
    [
      'least-connections',
      /^ {14}selection_method: FULL_SCAN\n {14}slow_start_config:\n {16}slow_start_window: 30s$/m,
    ],
  ])('%s ramps returning hosts with slow_start_config', (strategy, expected) => {
    const s = config(strategy, { slowStartMs: 30_000 });
    expect(s.text).toMatch(expected);
    expect(s.defenceNotes.join(' ')).toMatch(/ramps a returning host’s weight/);
  });

  it('notes that Envoy has no slow start for hashing, and what it has instead of a breaker', () => {
    const s = config('maglev', { slowStartMs: 30_000, breaker: { enabled: true } });
    expect(s.text).not.toMatch(/slow_start/);
    const said = s.defenceNotes.join(' ');
    expect(said).toMatch(/ROUND_ROBIN and LEAST_REQUEST only: MAGLEV has none/);
    expect(said).toMatch(/concurrency limits.*Outlier detection is Envoy’s nearest/);
    expect(notes('round-robin', { balancers: { count: 4, loadUpdateMs: 1000 } })).toMatch(
      /only every 1 s.*4 Envoy instances/,
    );
  });
});
