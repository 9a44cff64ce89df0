import { describe, expect, it } from 'vitest';
import type { AppState, KeyValueStore, PageEnv } from './types.ts';
import { guideShown, presentFlag, viewSlice, type ViewState } from './viewSlice.ts';

/** The view slice over a fake page at `href`, with storage in `data` (null: unavailable). */
function harness(href: string, data: Map<string, string> | null = new Map()) {
  const addresses: string[] = [];
  const storage: KeyValueStore | null = data && {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  const url = new URL(href);
  const page: PageEnv = {
    storage: () => storage,
    address: () => ({ href, origin: url.origin, pathname: url.pathname }),
    replaceAddress: (u) => void addresses.push(u),
    copy: async () => true,
    download: () => undefined,
    onLeave: () => undefined,
  };
  let state = { firstVisit: false } as AppState;
  const set = (fn: (s: AppState) => Partial<AppState>) => void (state = { ...state, ...fn(state) });
  state = { ...state, view: viewSlice({ set, page }) };
  return {
    view: (): ViewState => state.view,
    shown: () => guideShown(state),
    visit: (firstVisit: boolean) => void (state = { ...state, firstVisit }),
    addresses,
  };
}

describe('the first-run guide', () => {
  it('opens by itself on a first visit, and never again once dismissed', () => {
    const data = new Map<string, string>();
    const first = harness('http://p.test/', data);
    expect(first.shown()).toBe(false); // until startup says how the page opened
    first.visit(true);
    expect(first.shown()).toBe(true);
    first.view().setGuideStep(2);
    expect(first.view().guideStep).toBe(2);
    first.view().closeGuide();
    expect(first.shown()).toBe(false);

    const again = harness('http://p.test/', data);
    again.visit(true);
    expect(again.shown()).toBe(false);
    // The "?" button brings it back, from its first step.
    again.view().openGuide();
    expect(again.shown()).toBe(true);
    expect(again.view().guideStep).toBe(0);
  });

  it('does not open by itself for someone coming back, nor in presentation mode', () => {
    const back = harness('http://p.test/');
    back.visit(false);
    expect(back.shown()).toBe(false);
    const presenting = harness('http://p.test/?present');
    presenting.visit(true);
    expect(presenting.shown()).toBe(false);
  });

  it('keeps its steps in range and survives storage that is unavailable', () => {
    const h = harness('http://p.test/', null);
    h.visit(true);
    h.view().setGuideStep(99);
    expect(h.view().guideStep).toBe(3);
    h.view().setGuideStep(-4);
    expect(h.view().guideStep).toBe(0);
    h.view().closeGuide();
    expect(h.shown()).toBe(false);
  });
});

describe('presentation mode', () => {
  it('reads ?present and ?present=<chart> from the address', () => {
    expect(presentFlag('')).toBeNull();
    expect(presentFlag('?present')).toBe('load');
    expect(presentFlag('?motion=0&present=outcomes')).toBe('outcomes');
    expect(presentFlag('?present=nonsense')).toBe('load');
    expect(harness('http://p.test/?present=latency').view().presenting).toBe('latency');
  });

  it('says in the address which chart it presents, keeping the rest of the address', () => {
    const h = harness('http://p.test/app/?motion=0#s=abc');
    h.view().setPresenting('timeline');
    expect(h.view().presenting).toBe('timeline');
    expect(h.addresses.at(-1)).toBe('/app/?motion=0&present=timeline#s=abc');
    h.view().setPresenting(null);
    expect(h.addresses.at(-1)).toBe('/app/?motion=0#s=abc');
  });
});
