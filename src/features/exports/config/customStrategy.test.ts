import { describe, expect, it } from 'vitest';
import { envoyConfig } from './envoy.ts';
import { haproxyConfig } from './haproxy.ts';
import { nginxConfig } from './nginx.ts';
import { directives, testSetup } from './testing.ts';

describe('exporting a setup that runs the person’s own strategy', () => {
  const setup = testSetup('custom');

  it('writes each product’s default balancing, and says so in the method', () => {
    expect(nginxConfig(setup).method).toBe('round robin (no equivalent)');
    expect(haproxyConfig(setup).method).toBe('roundrobin (no equivalent)');
    expect(directives(haproxyConfig(setup).text)).toContain('balance roundrobin');
    expect(envoyConfig(setup).text).toMatch(/lb_policy: ROUND_ROBIN/);
  });

  it('notes that the code cannot be exported, and where each product runs such code', () => {
    expect(nginxConfig(setup).notes[0]).toBe(
      'Your own strategy is code run in the playground’s sandbox, which NGINX cannot load; ' +
        'NGINX’s default round robin stands in its place. To run the same rule, port the code: ' +
        'OpenResty’s `balancer_by_lua_block` runs Lua that picks the peer of each request ' +
        '(`ngx.balancer.set_current_peer`).',
    );
    expect(haproxyConfig(setup).notes[0]).toMatch(
      /which HAProxy cannot load; roundrobin stands in .*`use_backend %\[lua\.<name>\]`\.$/,
    );
    expect(envoyConfig(setup).notes[0]).toMatch(
      /which Envoy cannot load; ROUND_ROBIN stands in .*load balancing policy extension/,
    );
  });
});
