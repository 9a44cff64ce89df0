import { describe, expect, it } from 'vitest';
import { envoyConfig } from './envoy.ts';
import { yamlString } from './names.ts';
import { testSetup } from './testing.ts';

const policy = (strategy: string, options = {}) =>
  envoyConfig(testSetup(strategy, options))
    .text.split('\n')
    .filter((l) =>
      /^ {4}(lb_policy|least_request_lb_config|ring_hash_lb_config|maglev_lb_config|load_balancing_policy)|^ {6}(choice_count|minimum_ring_size|table_size)|selection_method/.test(
        l,
      ),
    )
    .map((l) => l.trim());

describe('envoyConfig', () => {
  it('writes a cluster with one endpoint per server and the capacities as a circuit breaker', () => {
    const s = envoyConfig(testSetup('round-robin'));
    expect(s.text).toContain(
      [
        'clusters:',
        '  - name: "classic_demo"',
        '    type: STRICT_DNS',
        '    lb_policy: ROUND_ROBIN',
        '    common_lb_config:',
        '      healthy_panic_threshold:',
        '        value: 0',
        '    circuit_breakers:',
        '      thresholds:',
        '        - priority: DEFAULT',
        '          max_requests: 9  # the servers’ capacities in total',
        '    load_assignment:',
        '      cluster_name: "classic_demo"',
        '      endpoints:',
        '        - lb_endpoints:',
        '            # Server-A',
        '            - endpoint:',
        '                address:',
        '                  socket_address:',
        '                    address: 192.0.2.1',
        '                    port_value: 8080',
      ].join('\n'),
    );
    expect(s.text.match(/- endpoint:/g)).toHaveLength(3);
    expect(s.notes.join(' ')).toMatch(/no per-endpoint concurrency limit/);
    expect(s.fileName).toBe('classic_demo.envoy.yaml');
  });

  it.each([
    ['round-robin', {}, ['lb_policy: ROUND_ROBIN']],
    ['weighted-round-robin', {}, ['lb_policy: ROUND_ROBIN']],
    ['random', {}, ['lb_policy: RANDOM']],
    [
      'power-of-two-choices',
      { choices: 3 },
      ['lb_policy: LEAST_REQUEST', 'least_request_lb_config:', 'choice_count: 3'],
    ],
    [
      'peak-ewma',
      { choices: 2 },
      ['lb_policy: LEAST_REQUEST', 'least_request_lb_config:', 'choice_count: 2'],
    ],
    ['least-connections', {}, ['load_balancing_policy:', 'selection_method: FULL_SCAN']],
    [
      'consistent-hash',
      { virtualNodes: 50 },
      ['lb_policy: RING_HASH', 'ring_hash_lb_config:', 'minimum_ring_size: 150'],
    ],
    ['maglev', {}, ['lb_policy: MAGLEV', 'maglev_lb_config:', 'table_size: 65537']],
    ['modulo-hash', {}, ['lb_policy: RING_HASH']],
    ['not-yet-invented', {}, ['lb_policy: ROUND_ROBIN']],
  ])('%s %o uses %o', (strategy, options, expected) => {
    expect(policy(strategy, options)).toEqual(expected);
  });

  it('notes what has no equivalent', () => {
    expect(envoyConfig(testSetup('peak-ewma')).notes[0]).toMatch(
      /no Envoy equivalent.*Linkerd and Finagle/,
    );
    expect(envoyConfig(testSetup('modulo-hash')).notes[0]).toMatch(/no modulo hashing/);
    expect(envoyConfig(testSetup('least-connections')).text).toMatch(
      /# LEAST_REQUEST looking at every host/,
    );
    expect(envoyConfig(testSetup('not-yet-invented')).notes[0]).toMatch(
      /“not-yet-invented” has no Envoy equivalent/,
    );
    expect(envoyConfig(testSetup('consistent-hash')).text).toMatch(
      /hash_policy: \[\{ header: \{ header_name: ":path" \} \}\]/,
    );
  });

  it('writes load_balancing_weight for weighted round robin only', () => {
    const servers = [{ weight: 1 }, { weight: 3 }, { weight: 2 }];
    const wrr = envoyConfig(testSetup('weighted-round-robin', {}, servers));
    expect(wrr.text.match(/load_balancing_weight: \d+/g)).toEqual([
      'load_balancing_weight: 1',
      'load_balancing_weight: 3',
      'load_balancing_weight: 2',
    ]);
    expect(envoyConfig(testSetup('random', {}, servers)).text).not.toMatch(/load_balancing_weight/);
  });

  it('adds a per-host connection limit only when every capacity is the same', () => {
    const same = envoyConfig(
      testSetup('round-robin', {}, [{ capacity: 4 }, { capacity: 4 }, { capacity: 4 }]),
    );
    expect(same.text).toMatch(
      /per_host_thresholds:\n {8}- priority: DEFAULT\n {10}max_connections: 4\n/,
    );
    expect(same.text).toMatch(/max_requests: 12 /);
    expect(envoyConfig(testSetup('round-robin')).text).not.toMatch(/per_host_thresholds/);
  });

  it('marks down servers unhealthy and uses the setup’s panic threshold', () => {
    const s = envoyConfig({
      ...testSetup('round-robin', {}, [{}, { up: false }]),
      resilience: { panicThresholdPercent: 50 },
    });
    expect(s.text).toMatch(
      /address: 192\.0\.2\.2\n\s+port_value: 8080\n {14}health_status: UNHEALTHY\n/,
    );
    expect(s.text.match(/health_status/g)).toHaveLength(1);
    expect(s.text).toMatch(/healthy_panic_threshold:\n {8}value: 50\n/);
    expect(s.notes.join(' ')).toMatch(/the setup’s panic threshold, 50%/);
  });

  it('quotes the cluster name and keeps server names in single-line comments', () => {
    const s = envoyConfig({
      ...testSetup('round-robin', {}, [{ name: 'a: b\n- endpoint: x' }]),
      name: 'Ünï "quoted"',
    });
    expect(s.text).toMatch(/^ {2}- name: "uni_quoted"$/m);
    expect(s.text).toMatch(/^ {12}# a: b - endpoint: x$/m);
    expect(s.text.match(/^ *- endpoint:$/gm)).toHaveLength(3);
  });
});

describe('yamlString', () => {
  it('escapes quotes, backslashes and everything outside printable ASCII', () => {
    const text = 'say "hi"\\ \n\t<b>é\u2028';
    const quoted = yamlString(text);
    expect(quoted).toBe('"say \\"hi\\"\\\\ \\u000a\\u0009<b>\\u00e9\\u2028"');
    // For characters in the Basic Multilingual Plane these escapes are also JSON's.
    expect(JSON.parse(quoted)).toBe(text);
    expect(yamlString('🙂')).toBe('"\\U0001f642"');
  });
});
