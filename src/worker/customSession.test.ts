/**
 * A live session running the user's code: switched to it by a command that carries the code,
 * refused (run unchanged) when the code does not load, stopped with the error's line when it
 * fails mid-run, and carried in the setup (so exports, share links and recordings have it).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario/schema.ts';
import { SandboxStrategy } from '../sandbox/sandboxStrategy.ts';
import { testHost } from '../sandbox/testing/sandboxed.ts';
import { SimSession } from './simSession.ts';

const LEAST = `function selectServer(servers) {
  let best = servers[0];
  for (const s of servers) if (s.active + s.queued < best.active + best.queued) best = s;
  return best;
}`;

async function session(): Promise<SimSession> {
  const parsed = parseScenario({});
  if (!parsed.ok) throw new Error('default scenario refused');
  const s = new SimSession(parsed.scenario);
  const host = await testHost();
  s.makeCustom = (code) => new SandboxStrategy(host.load(code));
  return s;
}

/** Runs the session as the worker's loop does, catching what the simulation throws. */
function runAll(s: SimSession): void {
  s.play();
  try {
    for (let i = 0; i < 50 && s.playing; i++) s.advance(1000, 50, () => 0);
  } catch (error) {
    s.halt(error);
  }
}

describe('a live run of the user’s strategy', () => {
  it('switches to the code, keeps it in the setup, and serves the demo’s 9 of 10', async () => {
    const s = await session();
    expect(s.command({ type: 'setStrategy', strategy: 'custom', code: LEAST })).toEqual({
      ok: true,
    });
    expect(s.setup().strategy).toBe('custom');
    expect(s.setup().customStrategy).toEqual({ code: LEAST });
    s.reset();
    runAll(s);
    expect(s.fault).toBeNull();
    const sim = s.simulation;
    expect(sim.strategyName).toBe('custom');
    expect(
      s.snapshot({ sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 })!.summary.requests,
    ).toMatchObject({ total: 10, served: 9, rejected: 1 });
    // The recording carries the code with the command.
    expect(JSON.stringify(s.recording())).toContain('selectServer');
  });

  it('refuses code that does not load, naming its line, and keeps the strategy running', async () => {
    const s = await session();
    const result = s.command({
      type: 'setStrategy',
      strategy: 'custom',
      code: 'function selectServer(servers) {\n  return servers[0\n}',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^code: Line 3: SyntaxError/);
    expect(s.setup().strategy).toBe('round-robin');
    expect(s.simulation.strategyName).toBe('round-robin');
  });

  it('stops at the request whose pick failed, with the error and its line for the editor', async () => {
    const s = await session();
    const code =
      'function selectServer(servers, request) {\n  if (request.id === 4) throw new Error("no");\n  return servers[0];\n}';
    s.command({ type: 'setStrategy', strategy: 'custom', code });
    s.reset();
    runAll(s);
    expect(s.playing).toBe(false);
    expect(s.fault).toMatch(/Line 2/);
    expect(s.strategyFault).toMatchObject({ kind: 'threw', where: 'selectServer', line: 2 });
    // A reset clears it; the setup, code included, is kept.
    s.reset();
    expect(s.strategyFault).toBeNull();
    expect(s.setup().customStrategy?.code).toBe(code);
  });

  it('loads a scenario file that carries its code, and refuses one whose code does not load', async () => {
    const s = await session();
    expect(s.load({ strategy: 'custom', customStrategy: { code: LEAST } }).ok).toBe(true);
    expect(s.simulation.strategyName).toBe('custom');
    const bad = s.load({ strategy: 'custom', customStrategy: { code: 'selectServer = 1' } });
    expect(bad.ok).toBe(false);
    expect(s.setup().customStrategy?.code).toBe(LEAST);
  });
});
