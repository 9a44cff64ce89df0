import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import { checkRecording } from '../worker/recordingFormat.ts';
import { SimSession } from '../worker/simSession.ts';
import { recordingSlice, type RecordingApi, type RecordingCore } from './recordingSlice.ts';
import { RunHistory } from './runHistory.ts';
import type { PlaygroundState } from './types.ts';

const cursor = { sinceVersion: -1, logSeq: 0, routeSeq: 0, pickSeq: 0 };

/** The recording actions over an in-process session, with a plain object as the store. */
function harness() {
  const session = new SimSession(DEFAULT_SCENARIO);
  session.load(PRESETS[0]!.raw);
  const downloads: Array<[string, string]> = [];
  const listeners = new Set<(s: PlaygroundState) => void>();
  let state = { snapshot: null, notice: null } as unknown as PlaygroundState;
  const set = (partial: Partial<PlaygroundState>) => {
    state = { ...state, ...partial };
    for (const l of listeners) l(state);
  };
  const frame = () => set({ snapshot: session.snapshot(cursor) });
  const api: RecordingApi = {
    recording: async () => structuredClone(session.recording()),
    checkRecording: async (raw) => checkRecording(structuredClone(raw)),
    replay: async (raw) => session.replay(structuredClone(raw)),
  };
  const loaded: unknown[] = [];
  const core: RecordingCore = {
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
    report: (result) => result?.ok === true,
    restartCursors: () => undefined,
    page: { download: (name, text) => void downloads.push([name, text]) },
    runHistory: new RunHistory(),
  };
  const actions = recordingSlice(core);
  state = {
    ...state,
    ...actions,
    loadScenario: async (raw: unknown) => {
      loaded.push(raw);
      return session.load(raw).ok;
    },
  } as PlaygroundState;
  return { session, actions, downloads, loaded, frame, state: () => state };
}

describe('recording actions', () => {
  it('exports a run, imports the file and replays it to the same summary', async () => {
    const h = harness();
    h.session.play();
    h.session.advance(150, 10, () => 0);
    h.session.command({ type: 'fireBurst', count: 30 });
    h.session.advance(250, 10, () => 0);
    h.session.command({ type: 'killServer', slot: 2 });
    h.session.advance(1000, 10, () => 0);
    const expected = h.session.snapshot(cursor)!.summary;
    // The run paused itself where its last request ended, short of the 1.4 s of wall time given.
    const endAt = h.session.simulation.now;
    expect(h.session.pausedAtEnd).toBe(true);
    expect(endAt).toBeLessThan(1400);

    await h.actions.exportRecording();
    const [name, text] = h.downloads[0]!;
    expect(name).toBe('classic-demo-recording.json');
    expect(h.state().notice?.text).toContain(`2 actions up to ${(endAt / 1000).toFixed(1)} s`);

    h.session.reset();
    const file = new File([text], name, { type: 'application/json' });
    expect(await h.state().importRecording(file)).toBe(true);
    expect(h.state().recordingFile).toMatchObject({ name, actions: 2, endAt });
    await h.state().replay();
    expect(h.loaded).toHaveLength(1); // the setup went through loadScenario (undo, autosave)
    expect(h.state().recordingFile).toBeNull();
    for (let i = 0; i < 1000 && h.session.playing; i++) h.session.advance(100, 10, () => 0);
    expect(h.session.snapshot(cursor)!.summary).toEqual(expected);
  });

  it('refuses a file that is not a recording, saying why', async () => {
    const h = harness();
    const bad = new File(['{"version": 1, "actions": 3}'], 'x.json');
    expect(await h.state().importRecording(bad)).toBe(false);
    expect(h.state().notice).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('actions: must be a list of actions'),
    });
    const cut = new File(['{"version": 1, "acti'], 'cut.json');
    expect(await h.state().importRecording(cut)).toBe(false);
    expect(h.state().notice?.text).toContain('cut off');
    expect(h.state().recordingFile).toBeNull();
  });

  it('ends a paused view when a new run starts', () => {
    const h = harness();
    h.frame();
    h.session.play();
    h.session.advance(2000, 10, () => 0);
    h.frame();
    h.state().viewTime(500);
    h.frame();
    expect(h.state().viewAt).toBe(500);
    h.session.reset();
    h.frame();
    expect(h.state().viewAt).toBeNull();
  });
});
