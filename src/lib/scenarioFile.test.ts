import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO, parseScenario } from '../engine/scenario/schema.ts';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import { SimSession } from '../worker/simSession.ts';
import {
  MAX_FILE_BYTES,
  parseJsonText,
  readScenarioFile,
  scenarioFileName,
  scenarioFileText,
} from './scenarioFile.ts';

/** What `npm run sim -- file.json --json` does with a file's text (src/cli/sim.ts). */
function runLikeTheCli(text: string) {
  const parsed = parseScenario(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const sim = new Simulation(parsed.scenario, { logRequests: false });
  sim.runToEnd();
  return summarize(sim);
}

/** What the page does with an imported file: the worker's session loads it and plays it out. */
function runLikeThePage(text: string) {
  const session = new SimSession(DEFAULT_SCENARIO);
  const loaded = session.load(JSON.parse(text));
  if (!loaded.ok) throw new Error('refused');
  session.simulation.runToEnd();
  return summarize(session.simulation);
}

describe('scenario files', () => {
  it('are named after the scenario', () => {
    expect(scenarioFileName('Classic demo')).toBe('classic-demo.json');
    expect(scenarioFileName('  Flash crowd! (v2) ')).toBe('flash-crowd-v2.json');
    expect(scenarioFileName('Café über')).toBe('cafe-uber.json');
    expect(scenarioFileName('///')).toBe('scenario.json');
    expect(scenarioFileName('x'.repeat(200))).toBe(`${'x'.repeat(60)}.json`);
  });

  it('exported from an edited page setup, run the same in the CLI and in the page', () => {
    const session = new SimSession(DEFAULT_SCENARIO);
    session.load(PRESETS.find((p) => p.id === 'classic')!.raw);
    const edits = [
      {
        type: 'addServer',
        spec: {
          name: 'Server-D',
          capacity: 2,
          weight: 2,
          speed: 1.5,
          queueLimit: 3,
          up: true,
          errorRate: 0,
          partitioned: false,
        },
      },
      { type: 'updateServer', slot: 0, changes: { capacity: 5, queueLimit: null } },
      { type: 'setStrategy', strategy: 'power-of-two-choices', options: { choices: 3 } },
      { type: 'setCache', cache: { placement: 'per-server', capacity: 16, hitMs: 2 } },
      { type: 'setSeed', seed: 7 },
    ] as const;
    for (const cmd of edits) expect(session.command(cmd)).toEqual({ ok: true });
    const text = scenarioFileText(session.setup());
    const cli = runLikeTheCli(text);
    expect(runLikeThePage(text)).toEqual(cli);
    expect(cli.seed, 'the seed set in the page (SimSession setSeed) is in the file').toBe(7);
    expect(cli.requests.total).toBe(10);
    expect(cli.servers.map((s) => s.name)).toEqual([
      'Server-A',
      'Server-B',
      'Server-C',
      'Server-D',
    ]);
  });

  it('of every preset round-trip exactly and run identically', () => {
    for (const preset of PRESETS) {
      const parsed = parseScenario(preset.raw);
      if (!parsed.ok) throw new Error(preset.id);
      const text = scenarioFileText(parsed.scenario);
      expect(parseScenario(JSON.parse(text))).toEqual(parsed);
      if (preset.id === 'large-pool') continue; // minutes of 5,000 requests/s: checked by parse
      expect(runLikeThePage(text), preset.id).toEqual(runLikeTheCli(text));
    }
  });
});

describe('reading JSON text', () => {
  const good = scenarioFileText(DEFAULT_SCENARIO);

  it('reads a whole file', () => {
    expect(parseJsonText(good, '“a.json”')).toEqual({ ok: true, value: JSON.parse(good) });
  });

  it('calls a cut-off file cut off, wherever it was cut', () => {
    for (let n = 1; n < good.trim().length; n += 7) {
      const result = parseJsonText(good.slice(0, n), '“a.json”');
      expect(result.ok, `cut at ${n}`).toBe(false);
      expect(!result.ok && result.message, `cut at ${n}`).toMatch(/^“a\.json” is cut off: /);
    }
  });

  it('explains malformed, empty and absurdly nested text', () => {
    const bad = (text: string) => {
      const r = parseJsonText(text, '“a.json”');
      return r.ok ? 'accepted' : r.message;
    };
    expect(bad('{"name": Classic}')).toMatch(/^“a\.json” is not valid JSON: .+/);
    expect(bad('{"a": 1}}')).toMatch(/is not valid JSON/);
    expect(bad("{'a': 1}")).toMatch(/is not valid JSON/);
    expect(bad('')).toBe('“a.json” is empty.');
    expect(bad(' \n ')).toBe('“a.json” is empty.');
    expect(bad('['.repeat(65) + ']'.repeat(65))).toMatch(/65 levels deep/);
    expect(bad('"a \\" [ { still a string"')).toBe('accepted');
  });
});

describe('reading a chosen file', () => {
  it('refuses a file over 1 MB without reading it', async () => {
    let read = false;
    const huge = {
      name: 'huge.json',
      size: MAX_FILE_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('{}');
      },
    } as unknown as File;
    const result = await readScenarioFile(huge);
    expect(result).toEqual({
      ok: false,
      message: '“huge.json” is 1.0 MB; scenario files may be at most 1.0 MB.',
    });
    expect(read).toBe(false);
  });

  it('reads a file of exactly 1 MB, and names the file in every refusal', async () => {
    const padded = new File([`{"name": "x"}${' '.repeat(MAX_FILE_BYTES - 13)}`], 'big.json');
    expect(padded.size).toBe(MAX_FILE_BYTES);
    expect(await readScenarioFile(padded)).toEqual({ ok: true, value: { name: 'x' } });
    const broken = await readScenarioFile(new File(['{"servers": ['], 'broken.json'));
    expect(broken.ok === false && broken.message).toMatch(/^“broken\.json” is cut off/);
  });
});
