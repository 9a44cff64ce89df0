import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import { scenarioFileText } from '../lib/scenarioFile.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../lib/shareLink.ts';
import type { SimCommand } from '../worker/protocol.ts';
import { SimSession } from '../worker/simSession.ts';
import { SetupVersions } from '../worker/setupDelta.ts';
import { AUTOSAVE_DELAY_MS } from './persistence.ts';
import { scenarioActions, type StoreCore } from './scenarioActions.ts';
import type { KeyValueStore, PageEnv, PlaygroundState, ScenarioApi } from './types.ts';

/** A page with storage (shared by the harnesses given the same map) and a fixed address. */
function fakePage(data: Map<string, string> | null = null) {
  const addresses: string[] = [];
  const downloads: Array<[string, string]> = [];
  const storageListeners: Array<[string, (value: string | null) => void]> = [];
  const storage: KeyValueStore | null = data && {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  const page: PageEnv = {
    storage: () => storage,
    address: () => ({
      href: 'http://p.test/?preset=x#s=abc',
      origin: 'http://p.test',
      pathname: '/',
    }),
    replaceAddress: (url) => void addresses.push(url),
    copy: async () => true,
    download: (name, text) => void downloads.push([name, text]),
    onLeave: () => undefined,
    onStorageChange: (key, listener) => void storageListeners.push([key, listener]),
  };
  /** What the browser does in this tab when another tab writes `key`. */
  const otherTabWrites = (key: string, value: string) => {
    data?.set(key, value);
    for (const [k, l] of storageListeners) if (k === key) l(value);
  };
  return { page, addresses, downloads, otherTabWrites };
}

/** The scenario actions over an in-process session, with a plain object as the store. */
function harness(data: Map<string, string> | null = null) {
  const fake = fakePage(data);
  const session = new SimSession(DEFAULT_SCENARIO);
  const listeners = new Set<(s: PlaygroundState) => void>();
  let state = {
    snapshot: null,
    notice: null,
    presetId: null,
    canUndo: false,
    canRedo: false,
  } as unknown as PlaygroundState;
  const set = (partial: Partial<PlaygroundState>) => {
    state = { ...state, ...partial };
  };
  /** What the page's frame loop does: take the latest snapshot. */
  const frame = () => {
    set({ snapshot: session.snapshot({ sinceVersion: -1, logSeq: 0, routeSeq: 0, pickSeq: 0 }) });
    for (const l of listeners) l(state);
  };
  const versions = new SetupVersions();
  const api = {
    load: async (raw: unknown) => structuredClone(session.load(raw)),
    command: async (cmd: SimCommand) => session.command(cmd),
    setup: async () => structuredClone(session.setup()),
    setupSince: async (known: number | null) =>
      structuredClone(versions.update(known, session.setupVersion, session.setup())),
  } as ScenarioApi;
  const core: StoreCore = {
    get: () => state,
    set,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    call: async (fn) => {
      const result = await fn(api);
      frame();
      return result;
    },
    load: async (raw, label) => {
      const result = session.load(raw);
      if (result.ok) set({ presetId: null, notice: null });
      else set({ notice: { kind: 'error', text: `${label} was not loaded.` } });
      frame();
      return result;
    },
    report: (result) => {
      if (result && !result.ok) set({ notice: { kind: 'error', text: result.message } });
      return result?.ok ?? false;
    },
    restartCursors: () => undefined,
    workerGeneration: () => 0,
    page: fake.page,
  };
  const actions = scenarioActions(core);
  const setupKey = () => JSON.stringify(serializeScenario(session.setup()));
  const slot = (name: string) => state.snapshot!.servers.find((s) => s.name === name)!.slot;
  return { session, actions, state: () => state, setupKey, slot, fake };
}

describe('undo and redo', () => {
  it('undo an edit with the inverse command: the run keeps its clock', async () => {
    const h = harness();
    await h.actions.loadPreset('classic');
    h.session.stepBy(300);
    const before = h.setupKey();
    await h.actions.command({
      type: 'updateServer',
      slot: h.slot('Server-B'),
      changes: { capacity: 6 },
    });
    expect(h.setupKey()).not.toBe(before);
    expect(h.state().canUndo).toBe(true);
    await h.actions.undo();
    expect(h.setupKey()).toBe(before);
    expect(h.session.simulation.now).toBe(300); // not reloaded
    expect(h.state().canRedo).toBe(true);
    await h.actions.redo();
    expect(h.session.setup().servers[1]!.capacity).toBe(6);
    expect(h.session.simulation.now).toBe(300);
  });

  it('undoes any sequence of edits back to the start and redoes it to the end', async () => {
    const edit = fc.oneof(
      fc.constant<SimCommand>({
        type: 'addServer',
        spec: {
          name: '',
          capacity: 2,
          weight: 1,
          speed: 1,
          queueLimit: 0,
          up: true,
          errorRate: 0,
          partitioned: false,
        },
      }),
      fc
        .record({ capacity: fc.integer({ min: 1, max: 9 }), at: fc.nat() })
        .map(
          (c) => ({ type: 'updateServer', slot: c.at, changes: { capacity: c.capacity } }) as const,
        ),
      fc.nat().map((at) => ({ type: 'killServer', slot: at }) as const),
      fc.nat().map((at) => ({ type: 'reviveServer', slot: at }) as const),
      fc.nat().map((at) => ({ type: 'removeServer', slot: at }) as const),
      fc.constantFrom<SimCommand>(
        { type: 'setStrategy', strategy: 'least-connections' },
        { type: 'setStrategy', strategy: 'power-of-two-choices', options: { choices: 3 } },
        { type: 'setCache', cache: { placement: 'off', capacity: 10, hitMs: 1 } },
        { type: 'setKeys', keys: { count: 50, zipf: 0.5 } },
        { type: 'setService', service: { distribution: 'constant', ms: 100 } },
        { type: 'setSeed', seed: 9 },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const h = harness();
        await h.actions.loadPreset('classic');
        const keys = [h.setupKey()];
        let added = 0;
        for (const e of edits) {
          const live = h.state().snapshot!.servers;
          let cmd = e;
          if (cmd.type === 'addServer')
            cmd = { ...cmd, spec: { ...cmd.spec, name: `N${added++}` } };
          else if ('slot' in cmd) cmd = { ...cmd, slot: live[cmd.slot % live.length]!.slot };
          if (cmd.type === 'removeServer' && live.length === 1) continue;
          await h.actions.command(cmd);
          if (h.setupKey() !== keys[keys.length - 1]) keys.push(h.setupKey());
        }
        for (let i = keys.length - 2; i >= 0; i--) {
          await h.actions.undo();
          expect(h.setupKey()).toBe(keys[i]);
        }
        expect(h.state().canUndo).toBe(false);
        for (let i = 1; i < keys.length; i++) {
          await h.actions.redo();
          expect(h.setupKey()).toBe(keys[i]);
        }
        expect(h.state().canRedo).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('undoing a load reloads the earlier setup and its preset', async () => {
    const h = harness();
    await h.actions.loadPreset('classic');
    const classic = h.setupKey();
    await h.actions.loadPreset('hot-keys');
    expect(h.state().presetId).toBe('hot-keys');
    await h.actions.undo();
    expect(h.setupKey()).toBe(classic);
    expect(h.state().presetId).toBe('classic');
  });

  it('puts a server removed from the middle back in its place (by reloading)', async () => {
    const h = harness();
    await h.actions.loadPreset('classic');
    const before = h.setupKey();
    await h.actions.command({ type: 'removeServer', slot: h.slot('Server-B') });
    await h.actions.undo();
    expect(h.setupKey()).toBe(before);
    expect(h.session.setup().servers.map((s) => s.name)).toEqual([
      'Server-A',
      'Server-B',
      'Server-C',
    ]);
  });

  it('does not record refused edits or traffic', async () => {
    const h = harness();
    await h.actions.loadPreset('classic');
    expect(
      await h.actions.command({ type: 'updateServer', slot: 0, changes: { capacity: 0 } }),
    ).toBe(false);
    expect(h.state().notice?.text).toMatch(/capacity/);
    await h.actions.command({ type: 'fireBurst', count: 5 });
    await h.actions.command({ type: 'setRate', ratePerSec: 5 });
    expect(h.state().canUndo).toBe(false);
  });
});

describe('autosave and startup', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('restores the autosave when the address asks for nothing', async () => {
    vi.useFakeTimers();
    const data = new Map<string, string>();
    const first = harness(data);
    await first.actions.startup({ hash: '', preset: null });
    // Nothing saved, no link, no preset: a newcomer's first visit (the guide opens).
    expect(first.state().firstVisit).toBe(true);
    await first.actions.command({ type: 'updateServer', slot: 0, changes: { capacity: 7 } });
    // The autosave waits a moment after a change, so a burst of edits is written once.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(data.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(data.size).toBe(1);
    const second = harness(data);
    await second.actions.startup({ hash: '', preset: null });
    expect(second.session.setup().servers[0]!.capacity).toBe(7);
    expect(second.state().firstVisit).toBe(false);
  });

  it('says so when the autosave it restores is older than the person’s last changes', async () => {
    const data = new Map<string, string>([
      [
        'balancer-playground.autosave',
        JSON.stringify({ format: 1, scenario: { version: 1, name: 'Mine' }, presetId: null }),
      ],
      ['balancer-playground.autosave-stale', String(Date.UTC(2026, 0, 1, 10, 42))],
    ]);
    const h = harness(data);
    await h.actions.startup({ hash: '', preset: null });
    expect(h.session.setup().name).toBe('Mine');
    expect(h.state().notice?.text).toMatch(
      /^Your autosaved setup was restored as it was at \d\d:\d\d: changes made after that could not be saved/,
    );
  });

  it('hears another tab saving a different setup and offers to keep either', async () => {
    vi.useFakeTimers();
    const data = new Map<string, string>();
    const h = harness(data);
    await h.actions.startup({ hash: '', preset: null });
    const theirs = (name: string) =>
      JSON.stringify({ format: 1, scenario: { version: 1, name }, presetId: null });
    // The same setup saved by the other tab: nothing to choose.
    h.fake.otherTabWrites(
      'balancer-playground.autosave',
      JSON.stringify({ format: 1, scenario: serializeScenario(h.session.setup()), presetId: null }),
    );
    expect(h.state().otherTab ?? null).toBeNull();
    h.fake.otherTabWrites('balancer-playground.autosave', theirs('Theirs'));
    expect(h.state().otherTab?.name).toBe('Theirs');

    // Keeping this tab's writes it back over theirs at once.
    h.actions.keepThisTab();
    expect(h.state().otherTab).toBeNull();
    const kept = JSON.parse(data.get('balancer-playground.autosave')!) as { scenario: object };
    expect(kept.scenario).toEqual(serializeScenario(h.session.setup()));

    // Taking theirs loads it here, one undo away from this tab's.
    h.fake.otherTabWrites('balancer-playground.autosave', theirs('Theirs again'));
    await h.actions.useOtherTab();
    expect(h.session.setup().name).toBe('Theirs again');
    expect(h.state().otherTab).toBeNull();
    expect(h.state().canUndo).toBe(true);
  });

  it('prefers ?preset= over the autosave, which stays one undo away', async () => {
    vi.useFakeTimers();
    const data = new Map<string, string>();
    const first = harness(data);
    await first.actions.startup({ hash: '', preset: null });
    await first.actions.command({ type: 'updateServer', slot: 1, changes: { capacity: 5 } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    const second = harness(data);
    await second.actions.startup({ hash: '', preset: 'hot-keys' });
    expect(second.state().presetId).toBe('hot-keys');
    expect(second.state().firstVisit).toBe(false);
    expect(second.state().notice?.text).toMatch(/one Undo away/);
    await second.actions.undo();
    expect(second.session.setup().servers[1]!.capacity).toBe(5);
  });

  it('opens a share link, and drops it from the address at the first change', async () => {
    const h = harness();
    const shared = await encodeScenarioHash({ ...DEFAULT_SCENARIO, name: 'Shared', seed: 3 });
    if (!shared.ok) throw new Error(shared.message);
    await h.actions.startup({ hash: shared.hash, preset: null });
    expect(h.session.setup()).toMatchObject({ name: 'Shared', seed: 3 });
    expect(h.state().firstVisit).toBe(false);
    expect(h.state().notice?.text).toBe('Opened the shared scenario “Shared” from the link.');
    expect(h.fake.addresses).toEqual([]);
    await h.actions.command({ type: 'killServer', slot: 0 });
    expect(h.fake.addresses).toEqual(['/']);
  });

  it('exports the setup as a file named after it, and copies a share link', async () => {
    const h = harness();
    await h.actions.startup({ hash: '', preset: null });
    await h.actions.exportScenario();
    expect(h.fake.downloads.map(([name]) => name)).toEqual(['classic-demo.json']);
    expect(JSON.parse(h.fake.downloads[0]![1])).toMatchObject({ version: 1, name: 'Classic demo' });
    await h.actions.copyShareLink();
    expect(h.state().shareLink).toEqual({
      url: 'http://p.test/#s=q1bKS8xNVbJScs5JLC7OTFZISc3NV6oFAA',
      copied: true,
    });
  });

  it('exports and shares the setup as edited since, from the page’s copy kept by deltas', async () => {
    const h = harness();
    await h.actions.startup({ hash: '', preset: null });
    await h.actions.exportScenario();
    await h.actions.command({ type: 'setSeed', seed: 7 });
    await h.actions.command({ type: 'killServer', slot: h.slot('Server-B') });
    await h.actions.exportScenario();
    const file = JSON.parse(h.fake.downloads[1]![1]) as { seed: number; servers: unknown[] };
    expect(file).toEqual(JSON.parse(scenarioFileText(h.session.setup())));
    expect(file.seed).toBe(7);
    expect(file.servers[1]).toMatchObject({ name: 'Server-B', up: false });
    await h.actions.copyShareLink();
    const shared = await decodeScenarioHash(new URL(h.state().shareLink!.url).hash);
    expect(shared).toMatchObject({ kind: 'ok', raw: { seed: 7 } });
  });

  it('opens the default setup with a message when the link is bad or unknown', async () => {
    const h = harness();
    await h.actions.startup({ hash: '#s=garbage!', preset: 'nope' });
    expect(h.state().presetId).toBe('classic');
    // The classic demo, but the address asked for something: not a newcomer's first visit.
    expect(h.state().firstVisit).toBe(false);
    expect(h.state().notice).toEqual({
      kind: 'error',
      text: expect.stringMatching(/^The share link is damaged.*classic demo was opened instead\.$/),
    });
  });

  it('reset to defaults forgets the autosave and loads the classic demo', async () => {
    vi.useFakeTimers();
    const data = new Map<string, string>();
    const h = harness(data);
    await h.actions.startup({ hash: '', preset: null });
    await h.actions.loadPreset(PRESETS[2]!.id);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(data.size).toBe(1);
    await h.actions.resetToDefaults();
    expect(data.size).toBe(0);
    expect(h.state().presetId).toBe('classic');
    await h.actions.undo();
    expect(h.state().presetId).toBe(PRESETS[2]!.id);
  });
});
