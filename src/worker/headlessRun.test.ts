import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import { HeadlessRun, scenarioEnd } from './headlessRun.ts';
import { SimSession } from './simSession.ts';

const preset = (id: string) => scenarioOf(PRESETS.find((p) => p.id === id)!.raw);

/** Runs a headless run to its end in slices of `slice` events; returns the progress seen. */
function runAll(run: HeadlessRun, slice: number): number[] {
  const seen: number[] = [];
  while (!run.advance(slice)) seen.push(run.progress().fraction);
  seen.push(run.progress().fraction);
  return seen;
}

describe('HeadlessRun', () => {
  it('runs the classic demo to its end: 9 served, 1 rejected for no healthy servers', () => {
    const run = new HeadlessRun(preset('classic'));
    runAll(run, 3);
    const outcome = run.result();
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.summary.requests.served).toBe(9);
    expect(outcome.summary.requests.rejectedByReason.noHealthyServers).toBe(1);
    expect(outcome.setup.name).toBe('Classic demo');
  });

  it('measures exactly what the live run measures when played to the end', () => {
    const scenario = preset('unequal-servers');
    const session = new SimSession(scenario);
    session.setSpeed('max');
    session.play();
    // The live run at full speed, a wall-clock budget at a time, until it is over.
    let wall = 0;
    const sim = () => session.simulation;
    while (!(sim().finished && sim().inFlight === 0)) session.advance(10, 5, () => (wall += 1));
    const live = session.snapshot({ sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 })!;

    const run = new HeadlessRun(scenario);
    runAll(run, 10_000);
    const outcome = run.result();
    expect(outcome.ok && outcome.summary).toEqual(live.summary);
  });

  it('reports progress as the share of the traffic’s simulated time, reaching 1 at the end', () => {
    const scenario = preset('unequal-servers');
    expect(scenarioEnd(scenario)).toBe(60_000);
    const seen = runAll(new HeadlessRun(scenario), 500);
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen[0]!).toBeLessThan(0.5);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('ends a run with a duration at the duration, requests in flight or not', () => {
    const scenario = scenarioOf({
      servers: [{ name: 'A', capacity: 1, queueLimit: null }],
      service: { distribution: 'constant', ms: 1000 },
      traffic: [{ at: 0, burst: 5 }],
      durationMs: 2500,
    });
    const run = new HeadlessRun(scenario);
    runAll(run, 100);
    const outcome = run.result();
    expect(outcome.ok && outcome.endMs).toBe(2500);
    expect(outcome.ok && outcome.summary.requests.served).toBe(2);
  });

  it('stops a runaway run at its event limit and says where', () => {
    const run = new HeadlessRun(preset('unequal-servers'), 1000);
    runAll(run, 300);
    const outcome = run.result();
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(
      /^the run was stopped after 1,000 events, at \d+\.\d s of simulated time$/,
    );
  });

  it('puts the end of a scenario at its last burst, segment end or event', () => {
    expect(scenarioEnd(preset('classic'))).toBe(0);
    const s = scenarioOf({
      traffic: [
        { at: 500, burst: 1 },
        { from: 0, to: 4000, ratePerSec: 5 },
      ],
      events: [{ at: 7000, action: 'kill', server: 'Server-A' }],
    });
    expect(scenarioEnd(s)).toBe(7000);
  });
});
