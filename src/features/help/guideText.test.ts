import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../engine/scenario/presets.ts';
import { parseScenario } from '../../engine/scenario/schema.ts';
import { Simulation } from '../../engine/simulation.ts';
import { summarize } from '../../engine/summary.ts';
import { setupPhrase, trafficPhrase, whatHappened } from './guideText.ts';

function run(raw: unknown) {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error('refused');
  const sim = new Simulation(parsed.scenario);
  sim.runToEnd();
  return { summary: summarize(sim), setup: parsed.scenario };
}

const classic = PRESETS.find((p) => p.id === 'classic')!.raw;

describe('the guide’s words', () => {
  it('tells the classic demo’s story with its own numbers', () => {
    const { summary, setup } = run(classic);
    expect(setupPhrase(setup)).toBe(
      '3 servers (Server-A can work on 3 requests at once, Server-B on 2 and Server-C on 4)',
    );
    const lines = whatHappened(summary, setup);
    expect(lines[0]).toMatch(
      /^10 requests arrived in 0\.\d{3} s of simulated time: 9 served and 1 rejected\.$/,
    );
    expect(lines.slice(1)).toEqual([
      'The 3 servers can work on 9 requests at once (3 + 2 + 4), with no queue to wait in.',
      '1 request found every server full or down, so the balancer had no healthy server to send ' +
        'it to: rejected as “no healthy servers”.',
      'Round robin spread the work: Server-A served 3, Server-B 2 and Server-C 4.',
    ]);
  });

  it('says one and many apart and names queues when there are some', () => {
    const { summary, setup } = run({
      servers: [{ name: 'Solo', capacity: 1, queueLimit: 2 }],
      traffic: [{ at: 0, burst: 5 }],
    });
    expect(setupPhrase(setup)).toBe('1 server (Solo can work on 1 request at once)');
    const lines = whatHappened(summary, setup);
    expect(lines[1]).toBe('The one server can work on 1 request at once and queue 2 more.');
    expect(lines[2]).toBe(
      '2 requests found every server full or down, so the balancer had no healthy server to ' +
        'send them to: rejected as “no healthy servers”.',
    );
    expect(lines[3]).toBe('Round robin spread the work: Solo served 3.');
  });

  it('has nothing to say before any request arrived', () => {
    const { summary, setup } = run({ traffic: [] });
    expect(whatHappened(summary, setup)).toEqual([]);
  });

  it('says what traffic a setup sends, per simulated second', () => {
    expect(trafficPhrase(run(classic).setup)).toBe('a burst of 10 requests at 0 s');
    const { setup } = run({
      traffic: [
        { at: 0, burst: 1 },
        { from: 1000, to: 5000, ratePerSec: 20 },
        { from: 5000, to: 9000, startRatePerSec: 20, endRatePerSec: 80 },
      ],
    });
    expect(trafficPhrase(setup)).toBe(
      'a burst of 1 request at 0 s, 20 requests per simulated second from 1 s to 5 s and 1 more ' +
        'traffic entry',
    );
    expect(trafficPhrase(run({ traffic: [] }).setup)).toBe(
      'no traffic of its own: fire a burst or set a steady rate',
    );
  });

  it('names traffic that changes over the day', () => {
    const { setup } = run({
      traffic: [
        { from: 0, to: 60_000, troughRatePerSec: 5, peakRatePerSec: 50 },
        { from: 1000, to: 2500, multiplier: 1.5 },
      ],
    });
    expect(trafficPhrase(setup)).toBe(
      'a daily rhythm between 5 and 50 requests per simulated second from 0 s to 60 s and the ' +
        'rate times 1.5 from 1 s to 2.5 s',
    );
    const traced = run({
      traffic: [
        {
          trace: [
            [0, 10],
            [1000, 20],
            [2000, 5],
          ],
        },
      ],
    });
    expect(trafficPhrase(traced.setup)).toBe('a recorded rate over 3 points');
  });
});
