import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../engine/scenario/presets.ts';
import { parseScenario } from '../../../engine/scenario/schema.ts';
import { nginxConfig, nginxZoneSize } from './nginx.ts';
import { directives, testSetup } from './testing.ts';

function classicScenario() {
  const parsed = parseScenario(PRESETS.find((p) => p.id === 'classic')!.raw);
  if (!parsed.ok) throw new Error('the classic preset does not parse');
  return parsed.scenario;
}

const balancing = (strategy: string, options = {}) =>
  directives(nginxConfig(testSetup(strategy, options)).text).filter(
    (l) =>
      !l.startsWith('server ') && !l.startsWith('zone ') && l !== '}' && !l.startsWith('upstream'),
  );

describe('nginxConfig', () => {
  it('writes the classic preset as an upstream of three servers with their capacities', () => {
    const s = nginxConfig(classicScenario());
    expect(directives(s.text)).toEqual([
      'upstream classic_demo {',
      'zone classic_demo 64k;',
      'server 192.0.2.1:8080 max_conns=3;  # Server-A',
      'server 192.0.2.2:8080 max_conns=2;  # Server-B',
      'server 192.0.2.3:8080 max_conns=4;  # Server-C',
      '}',
      // The preset's defences (all off) as the site that proxies to the upstream.
      'server {',
      'listen 80;',
      'location / {',
      'proxy_pass http://classic_demo;',
      'proxy_connect_timeout 5s;',
      'proxy_next_upstream error timeout;',
      'proxy_next_upstream_tries 1;',
      '}',
      '}',
    ]);
    expect(s.method).toBe('round robin (default)');
    expect(s.exact).toBe(true);
    expect(s.fileName).toBe('classic_demo.nginx.conf');
    expect(s.notes.join(' ')).toMatch(/fails at once \(502 Bad Gateway\)/);
  });

  it.each([
    ['round-robin', {}, []],
    ['weighted-round-robin', {}, []],
    ['least-connections', {}, ['least_conn;']],
    ['random', {}, ['random;']],
    ['power-of-two-choices', { choices: 2 }, ['random two least_conn;']],
    ['power-of-two-choices', { choices: 1 }, ['random;']],
    ['consistent-hash', {}, ['hash $request_uri consistent;']],
    ['modulo-hash', {}, ['hash $request_uri;']],
    ['maglev', {}, ['hash $request_uri consistent;']],
    ['peak-ewma', {}, ['least_conn;']],
  ])('%s %o balances with %o', (strategy, options, expected) => {
    expect(balancing(strategy, options)).toEqual(expected);
  });

  it('says where there is no exact equivalent', () => {
    const d3 = nginxConfig(testSetup('power-of-two-choices', { choices: 3 }));
    expect(d3.exact).toBe(false);
    expect(d3.notes[0]).toMatch(/no equivalent of d = 3/);
    expect(nginxConfig(testSetup('peak-ewma')).notes[0]).toMatch(/no NGINX equivalent.*least_time/);
    expect(nginxConfig(testSetup('maglev')).notes[0]).toMatch(/no Maglev/);
    expect(nginxConfig(testSetup('power-of-two-choices')).exact).toBe(true);
  });

  it('exports a strategy it does not know as round robin with a note instead of failing', () => {
    const s = nginxConfig(testSetup('quantum-annealing'));
    expect(balancing('quantum-annealing')).toEqual([]);
    expect(s.exact).toBe(false);
    expect(s.notes[0]).toMatch(/“quantum-annealing” has no NGINX equivalent/);
  });

  it('writes weights only for weighted round robin, as whole numbers in the same ratio', () => {
    const servers = [{ weight: 0.5 }, { weight: 1 }, { weight: 1.5 }];
    const wrr = nginxConfig(testSetup('weighted-round-robin', {}, servers));
    expect(wrr.text).toMatch(/192\.0\.2\.1:8080 weight=1 max_conns=3;/);
    expect(wrr.text).toMatch(/192\.0\.2\.2:8080 weight=2 max_conns=2;/);
    expect(wrr.text).toMatch(/192\.0\.2\.3:8080 weight=3 max_conns=4;/);
    expect(wrr.notes[0]).toMatch(/smooth algorithm/);
    const rr = nginxConfig(testSetup('round-robin', {}, servers));
    expect(rr.text).not.toMatch(/weight=/);
    expect(rr.notes.join(' ')).toMatch(
      /ignores weights, so the setup’s weights \(0\.5, 1 and 1\.5\)/,
    );
  });

  it('gives every server the same weight near the virtual nodes over ketama’s 160 points', () => {
    const s = nginxConfig(testSetup('consistent-hash', { virtualNodes: 1000 }));
    expect(s.text.match(/weight=6 /g)).toHaveLength(3);
    expect(s.notes[0]).toMatch(/960 here\); the simulation gives each 1000/);
  });

  it('marks servers that are down and explains queues NGINX cannot have', () => {
    const s = nginxConfig(
      testSetup('round-robin', {}, [{ up: false, queueLimit: 2 }, { queueLimit: 3 }]),
    );
    expect(s.text).toMatch(/192\.0\.2\.1:8080 max_conns=3 down;/);
    expect(s.text).toMatch(/# queue 5;/);
    expect(s.notes.join(' ')).toMatch(/NGINX Plus has one queue for the whole upstream/);
    const unbounded = nginxConfig(testSetup('round-robin', {}, [{ queueLimit: null }]));
    expect(unbounded.text).not.toMatch(/queue/);
    expect(unbounded.notes.join(' ')).toMatch(/unbounded queue has no equivalent/);
  });

  it('keeps names with quotes, braces and line breaks out of the directives', () => {
    const evil = 'A"; }\nserver evil.example:80;\u2028<b>x</b>';
    const s = nginxConfig({
      ...testSetup('round-robin', {}, [{ name: evil }, { name: 'a' }]),
      name: 'x}\n{',
    });
    const lines = directives(s.text);
    expect(lines.filter((l) => l.startsWith('server '))).toHaveLength(3);
    expect(lines.filter((l) => l === '}')).toHaveLength(1);
    expect(s.text).not.toMatch(/\u2028/);
    expect(s.text).toMatch(
      /^ {4}server 192\.0\.2\.1:8080 max_conns=3; {2}# A"; } server evil.example:80; <b>x<\/b>$/m,
    );
    // Every server gets its own documentation address, whatever its name.
    const twins = nginxConfig(
      testSetup('round-robin', {}, [{ name: 'Web 1' }, { name: 'web-1' }, { name: '' }]),
    );
    expect(twins.text).toMatch(/192\.0\.2\.1:8080.*192\.0\.2\.2:8080.*192\.0\.2\.3:8080/s);
    expect(s.text).toMatch(/^upstream x \{$/m);
  });

  it('sizes the zone from the pool: 64k up to 32 servers, then 1 kB more a server', () => {
    expect(nginxZoneSize(3)).toBe('64k');
    expect(nginxZoneSize(32)).toBe('64k');
    expect(nginxZoneSize(33)).toBe('128k');
    expect(nginxZoneSize(10_000)).toBe('10048k');
    const one = testSetup('round-robin').servers[0]!;
    const servers = Array.from({ length: 100 }, (_, i) => ({ ...one, name: `s${i}` }));
    const big = { ...testSetup('round-robin'), servers };
    expect(nginxConfig(big).text).toMatch(/^ {4}zone \S+ 192k;$/m);
  });
});
