import { describe, expect, it } from 'vitest';
import { haproxyConfig } from './haproxy.ts';
import { directives, testSetup } from './testing.ts';

const balancing = (strategy: string, options = {}) =>
  directives(haproxyConfig(testSetup(strategy, options)).text).filter(
    (l) => l.startsWith('balance') || l.startsWith('hash-type'),
  );

describe('haproxyConfig', () => {
  it('writes a backend with one server line per server and maxconn for capacity', () => {
    const s = haproxyConfig(testSetup('round-robin'));
    expect(directives(s.text)).toEqual([
      'backend classic_demo',
      'balance roundrobin',
      'server Server-A 192.0.2.1:8080 maxconn 3',
      'server Server-B 192.0.2.2:8080 maxconn 2',
      'server Server-C 192.0.2.3:8080 maxconn 4',
    ]);
    expect(s.exact).toBe(true);
    expect(s.fileName).toBe('classic_demo.haproxy.cfg');
  });

  it.each([
    ['round-robin', {}, ['balance roundrobin']],
    ['weighted-round-robin', {}, ['balance roundrobin']],
    ['least-connections', {}, ['balance leastconn']],
    ['random', {}, ['balance random(1)']],
    ['power-of-two-choices', { choices: 2 }, ['balance random(2)']],
    ['power-of-two-choices', { choices: 5 }, ['balance random(5)']],
    ['consistent-hash', {}, ['balance uri whole', 'hash-type consistent']],
    ['modulo-hash', {}, ['balance uri whole', 'hash-type map-based']],
    ['maglev', {}, ['balance uri whole', 'hash-type consistent']],
    ['peak-ewma', {}, ['balance leastconn']],
    ['some-future-strategy', {}, ['balance roundrobin']],
  ])('%s %o balances with %o', (strategy, options, expected) => {
    expect(balancing(strategy, options)).toEqual(expected);
  });

  it('notes what has no equivalent', () => {
    expect(haproxyConfig(testSetup('random')).notes[0]).toMatch(/`random` alone draws two servers/);
    expect(haproxyConfig(testSetup('maglev')).notes[0]).toMatch(/no Maglev/);
    expect(haproxyConfig(testSetup('peak-ewma')).notes[0]).toMatch(/no HAProxy equivalent/);
    expect(haproxyConfig(testSetup('modulo-hash')).notes[0]).toMatch(
      /modulo the servers that are up/,
    );
    expect(haproxyConfig(testSetup('some-future-strategy')).notes[0]).toMatch(
      /“some-future-strategy” has no HAProxy equivalent/,
    );
  });

  it('scales weights into 1–256 and says when the ratio is rounded', () => {
    const exact = haproxyConfig(
      testSetup('weighted-round-robin', {}, [{ weight: 2 }, { weight: 4 }, { weight: 6 }]),
    );
    expect(exact.text).toMatch(/server Server-A \S+ weight 1 maxconn 3/);
    expect(exact.text).toMatch(/server Server-C \S+ weight 3 maxconn 4/);
    const big = haproxyConfig(
      testSetup('weighted-round-robin', {}, [{ weight: 1 }, { weight: 1000 }]),
    );
    expect(big.text).toMatch(/server Server-A \S+ weight 1 /);
    expect(big.text).toMatch(/server Server-B \S+ weight 256 /);
    expect(big.notes.join(' ')).toMatch(
      /whole numbers from 1 to 256: the weights 1, 1000 and 1 are written as 1, 256 and 1/,
    );
  });

  it('gives every server weight v/16 so consistent hashing has about v points each', () => {
    const s = haproxyConfig(testSetup('consistent-hash', { virtualNodes: 100 }));
    expect(s.text.match(/ weight 6 maxconn/g)).toHaveLength(3);
    expect(s.notes[0]).toMatch(/weight 6 \(96 points\), close to the simulation’s 100/);
  });

  it('writes maxqueue for bounded queues only and explains the backend queue', () => {
    const s = haproxyConfig(
      testSetup('least-connections', {}, [{ queueLimit: 5 }, { queueLimit: null }, { up: false }]),
    );
    expect(s.text).toMatch(/server Server-A \S+ maxconn 3 maxqueue 5$/m);
    expect(s.text).toMatch(/server Server-B \S+ maxconn 2$/m);
    expect(s.text).toMatch(/server Server-C \S+ maxconn 4 disabled$/m);
    const notes = s.notes.join(' ');
    expect(notes).toMatch(/`maxqueue 0` means no limit/);
    expect(notes).toMatch(/backend’s queue, shared by all servers/);
    expect(notes).toMatch(/unbounded queue is HAProxy’s default/);
  });

  it('turns names into valid server ids and keeps the original as a one-line comment', () => {
    const s = haproxyConfig(
      testSetup('round-robin', {}, [
        { name: 'web #1\nbackend evil' },
        { name: 'Web-1' },
        { name: 'ünïcode' },
      ]),
    );
    const lines = directives(s.text);
    expect(lines.filter((l) => l.startsWith('backend'))).toEqual(['backend classic_demo']);
    expect(lines).toContain('server web-1-backend-evil 192.0.2.1:8080 maxconn 3');
    expect(lines).toContain('server Web-1 192.0.2.2:8080 maxconn 2');
    expect(lines).toContain('server unicode 192.0.2.3:8080 maxconn 4');
    expect(s.text).toMatch(/^ {4}# web #1 backend evil$/m);
    const twins = haproxyConfig(testSetup('round-robin', {}, [{ name: 'Web' }, { name: 'web' }]));
    expect(
      directives(twins.text)
        .filter((l) => l.startsWith('server'))
        .map((l) => l.split(' ')[1]),
    ).toEqual(['Web', 'web-2', 'Server-C']);
  });
});
