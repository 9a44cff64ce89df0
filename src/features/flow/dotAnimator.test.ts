import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverColour, WARNING_COLOUR } from '../../lib/palette.ts';
import { DotAnimator, type FlowAnchors } from './dotAnimator.ts';

// The animator needs a canvas, CSS colours and animation frames; here each is a stand-in that
// records what was filled, with each colour resolving to its own CSS text, and frames run by hand
// at chosen times.

const anchors: FlowAnchors = {
  clients: { x: 0, y: 50 },
  balancerIn: { x: 100, y: 50 },
  balancerOut: { x: 120, y: 50 },
  balancerDown: { x: 110, y: 60 },
  bin: { x: 110, y: 100 },
  servers: new Map([
    [0, { x: 300, y: 10 }],
    [1, { x: 300, y: 90 }],
  ]),
};

let frames: ((now: number) => void)[] = [];
let clock = 0;
let fills: string[] = [];

function animator(): DotAnimator {
  const ctx = {
    fillStyle: '',
    setTransform: () => {},
    clearRect: () => {},
    fill(this: { fillStyle: string }) {
      fills.push(this.fillStyle);
    },
  };
  const canvas = {
    width: 600,
    height: 200,
    style: { width: '300px' },
    parentElement: { appendChild: () => {} },
  };
  return new DotAnimator(
    canvas as unknown as HTMLCanvasElement,
    ctx as unknown as CanvasRenderingContext2D,
    () => anchors,
  );
}

/** Runs the frame asked for, at `now`; false when no frame was asked for. */
function frameAt(now: number): boolean {
  const next = frames.shift();
  if (!next) return false;
  fills = [];
  next(now);
  return true;
}

beforeEach(() => {
  frames = [];
  clock = 1_000;
  vi.stubGlobal('document', {
    createElement: () => ({ style: { color: '' }, remove: () => {} }),
  });
  vi.stubGlobal('getComputedStyle', (el: { style: { color: string } }) => ({
    color: el.style.color,
  }));
  vi.stubGlobal('Path2D', class {});
  vi.stubGlobal('requestAnimationFrame', (cb: (now: number) => void) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Runs frames every `every` ms from `from` while frames are asked for; the fills of each. */
function framesEvery(from: number, every: number): string[][] {
  const seen: string[][] = [];
  for (let now = from; frameAt(now); now += every) seen.push(fills);
  return seen;
}

const NEUTRAL = 'var(--ink-muted)';

describe('DotAnimator', () => {
  it('moves a dot neutral to the balancer, in its server’s colour after it, and ends the trip', () => {
    const dots = animator();
    expect(dots.spawn(1, 0)).toBe(true);
    const seen = framesEvery(1_016, 16);
    // 30% of the 480 ms trip to the balancer (frames at 16 … 128 ms), then towards server B
    // (144 … 464 ms); the frame at 480 ms clears it and asks for no more.
    expect(seen).toEqual([
      ...Array<string[]>(8).fill([NEUTRAL]),
      ...Array<string[]>(21).fill([serverColour(1)]),
      [],
    ]);
  });

  it('draws a rejection as a warning ✕ on its way to the bin', () => {
    const dots = animator();
    dots.spawn(-1, 0);
    expect(framesEvery(1_016, 16)[20]).toEqual([WARNING_COLOUR]);
  });

  it('on a page drawing a frame a second, shows each dot’s trip over frames rather than skipping it', () => {
    const dots = animator();
    dots.spawn(0, 0);
    dots.spawn(-1, 8);
    // First drawn 16 ms into the trip, then 100 ms of it a frame: 116, 216, 316, 416 ms.
    expect(framesEvery(2_000, 1_000)).toEqual([
      [NEUTRAL, NEUTRAL],
      [NEUTRAL, NEUTRAL],
      [serverColour(0), WARNING_COLOUR],
      [serverColour(0), WARNING_COLOUR],
      [serverColour(0), WARNING_COLOUR],
      [],
    ]);
  });

  it('does not draw a dot before its start, and keeps at most the pool', () => {
    const dots = animator();
    dots.spawn(0, 100);
    frameAt(1_050);
    expect(fills).toEqual([]);
    frameAt(1_110);
    expect(fills).toEqual([NEUTRAL]);
    let taken = 1;
    while (dots.spawn(1, 0)) taken++;
    expect(taken).toBe(200);
  });
});
