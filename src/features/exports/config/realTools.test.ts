/**
 * Every preset's NGINX and HAProxy export, checked by the real programs (`nginx -t`, `haproxy -c`)
 * inside the smallest config each needs around it, and every preset's Envoy export parsed as YAML
 * and checked for the fields Envoy requires of a cluster.
 *
 * The programs must be there: `.ci/run` installs Debian's nginx-light (or nginx where there is no
 * light build) and haproxy on a bare machine, and a developer's machine needs them too. A missing
 * one fails its check, naming the package to install; skipping would let an export that no
 * longer validates pass unnoticed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PRESETS } from '../../../engine/scenario/presets.ts';
import { parseScenario } from '../../../engine/scenario/schema.ts';
import { envoyConfig, haproxyConfig, nginxConfig } from './index.ts';
import type { ExportSetup } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'balancer-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The program's path, or null when it is not installed. */
function which(program: string): string | null {
  for (const candidate of [`/usr/sbin/${program}`, `/usr/bin/${program}`]) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** A missing program fails the check that needed it, saying what to install. */
function missing(program: string, pkg: string): never {
  throw new Error(
    `${program} is not installed, so the ${program} exports cannot be checked by ${program} ` +
      `itself: install Debian's ${pkg} (apt-get install ${pkg}; .ci/run does).`,
  );
}

function scenarios(): Array<[string, ExportSetup]> {
  return PRESETS.map((p) => {
    const parsed = parseScenario(p.raw);
    if (!parsed.ok) throw new Error(`${p.id} does not parse`);
    return [p.id, parsed.scenario];
  });
}

/** A pool of `n` servers under least connections, to check the zone size past 60 servers. */
function pool(n: number): ExportSetup {
  const servers = Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    capacity: 3,
    weight: 1,
    queueLimit: 0,
    up: true,
  }));
  return { name: `${n} servers`, strategy: 'least-connections', strategyOptions: {}, servers };
}

const cases = [...scenarios(), ['10,000 servers', pool(10_000)] as [string, ExportSetup]];

/** Runs a checker; its exit status and what it said. */
function check(program: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(program, args, { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('NGINX exports pass nginx -t', () => {
  const nginx = which('nginx');
  it.each(cases)('%s', (id, setup) => {
    const text = nginxConfig(setup).text;
    expect(text).toMatch(/^upstream \S+ \{$/m);
    if (!nginx) return missing('nginx', 'nginx-light');
    const file = join(dir, `${id.replace(/\W+/g, '-')}.nginx.conf`);
    // The smallest main config around an exported upstream and site.
    writeFileSync(
      file,
      `pid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\n` +
        `http {\naccess_log off;\n${text}\n}\n`,
    );
    const r = check(nginx, ['-t', '-q', '-p', `${dir}/`, '-c', file]);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('HAProxy exports pass haproxy -c', () => {
  const haproxy = which('haproxy');
  it.each(cases)('%s', (id, setup) => {
    const text = haproxyConfig(setup).text;
    const backend = /^backend (\S+)$/m.exec(text)?.[1];
    expect(backend).toBeDefined();
    if (!haproxy) return missing('haproxy', 'haproxy');
    const file = join(dir, `${id.replace(/\W+/g, '-')}.haproxy.cfg`);
    writeFileSync(
      file,
      'global\n    log stdout format raw local0\n' +
        'defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n' +
        '    timeout server 30s\n' +
        `frontend site\n    bind 127.0.0.1:18080\n    default_backend ${backend}\n\n${text}`,
    );
    const r = check(haproxy, ['-c', '-q', '-f', file]);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});

/** What Envoy requires of a static cluster (v3 API), as far as the export writes one. */
function envoyProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const clusters = (doc as { clusters?: unknown[] } | null)?.clusters;
  if (!Array.isArray(clusters) || clusters.length !== 1) return ['clusters: one cluster'];
  const c = clusters[0] as Record<string, unknown>;
  if (typeof c.name !== 'string' || c.name === '') problems.push('name');
  if (!['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS'].includes(c.type as string))
    problems.push('type');
  // Optional (Envoy's default is 5 s), but a duration when written.
  const timeout = c.connect_timeout;
  if (timeout !== undefined && (typeof timeout !== 'string' || !/^\d+(\.\d+)?s$/.test(timeout)))
    problems.push('connect_timeout: a duration such as 5s');
  const policy = c.lb_policy ?? 'ROUND_ROBIN';
  const known = ['ROUND_ROBIN', 'LEAST_REQUEST', 'RING_HASH', 'RANDOM', 'MAGLEV'];
  if (!known.includes(policy as string)) problems.push(`lb_policy: ${String(policy)}`);
  const la = c.load_assignment as Record<string, unknown> | undefined;
  if (la?.cluster_name !== c.name) problems.push('load_assignment.cluster_name: the cluster name');
  const endpoints = (la?.endpoints as Array<{ lb_endpoints?: unknown[] }> | undefined) ?? [];
  const hosts = endpoints.flatMap((e) => e.lb_endpoints ?? []);
  if (hosts.length === 0) problems.push('load_assignment: no endpoints');
  const seen = new Set<string>();
  type Host = {
    endpoint?: { address?: { socket_address?: { address?: unknown; port_value?: unknown } } };
    load_balancing_weight?: unknown;
  };
  for (const h of hosts as Host[]) {
    const sa = h?.endpoint?.address?.socket_address;
    const port = sa?.port_value;
    if (
      typeof sa?.address !== 'string' ||
      typeof port !== 'number' ||
      !Number.isInteger(port) ||
      port < 1 ||
      port > 65535
    )
      problems.push('endpoint: socket_address with address and port_value');
    else if (seen.has(`${sa.address}:${port}`)) problems.push(`endpoint ${sa.address} twice`);
    else seen.add(`${sa.address}:${port}`);
    const weight = h.load_balancing_weight;
    if (
      weight !== undefined &&
      (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1)
    )
      problems.push('load_balancing_weight: a whole number >= 1');
  }
  return problems;
}

describe('Envoy exports are YAML with the fields Envoy requires', () => {
  it.each(cases)('%s', (_id, setup) => {
    const doc: unknown = parse(envoyConfig(setup).text);
    expect(envoyProblems(doc)).toEqual([]);
  });

  it('notices a cluster without its required fields', () => {
    expect(
      envoyProblems({ clusters: [{ name: 'x', type: 'STATIC', connect_timeout: 5 }] }),
    ).toEqual([
      'connect_timeout: a duration such as 5s',
      'load_assignment.cluster_name: the cluster name',
      'load_assignment: no endpoints',
    ]);
  });
});
