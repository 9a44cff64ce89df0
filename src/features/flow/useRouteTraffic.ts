import { useEffect, useState, type RefObject } from 'react';
import { useTheme } from '../../lib/theme.ts';
import { useApp } from '../../store/hooks.tsx';
import { DotAnimator, type FlowAnchors } from './dotAnimator.ts';

/** What the flow view reports about the last second of routing decisions. */
export interface RouteTraffic {
  /** Decisions drawn (as dots, or in the counts under reduced motion). */
  readonly shown: number;
  /** Decisions that really happened. */
  readonly happened: number;
  /** Under reduced motion: drawn decisions per destination (slot, -1, -2); null with motion. */
  readonly byDest: ReadonlyMap<number, number> | null;
}

/** The last second, kept as four quarter-second slices so the numbers follow within 250 ms. */
const SLICE_MS = 250;
const SLICES = 4;
/** One frame: the decisions of a frame are spread over it rather than leaving in a clump. */
const FRAME_MS = 16;
const IDLE: RouteTraffic = { shown: 0, happened: 0, byDest: null };

interface Slice {
  shown: number;
  happened: number;
  byDest: Map<number, number>;
}

const emptySlice = (): Slice => ({ shown: 0, happened: 0, byDest: new Map() });

function same(a: RouteTraffic, b: RouteTraffic): boolean {
  if (a.shown !== b.shown || a.happened !== b.happened) return false;
  if (a.byDest === null || b.byDest === null) return a.byDest === b.byDest;
  if (a.byDest.size !== b.byDest.size) return false;
  for (const [k, v] of a.byDest) if (b.byDest.get(k) !== v) return false;
  return true;
}

/** Adds the slices up into what the view shows. */
function total(slices: readonly Slice[], counts: boolean): RouteTraffic {
  let shown = 0;
  let happened = 0;
  const byDest = new Map<number, number>();
  for (const s of slices) {
    shown += s.shown;
    happened += s.happened;
    for (const [k, v] of s.byDest) byDest.set(k, (byDest.get(k) ?? 0) + v);
  }
  return { shown, happened, byDest: counts ? byDest : null };
}

/**
 * Listens to the routing feed outside React state: with motion each decision launches a dot on
 * the canvas `layerRef` (aimed with `anchorsRef`, in the theme's colours); without, decisions are
 * tallied per destination. Either way React hears about it at most four times a second, with the
 * true count beside the drawn one.
 */
export function useRouteTraffic(
  motion: boolean,
  /** The dot layer is in the page (it waits for the first measured width). */
  ready: boolean,
  layerRef: RefObject<HTMLCanvasElement | null>,
  anchorsRef: RefObject<FlowAnchors | null>,
): RouteTraffic {
  const routeFeed = useApp((s) => s.routeFeed);
  const [traffic, setTraffic] = useState<RouteTraffic>(IDLE);
  // A new theme means new colours: the dots start afresh in them.
  const theme = useTheme();

  useEffect(() => {
    if (!ready) return;
    const canvas = layerRef.current;
    const ctx = motion && canvas ? canvas.getContext('2d') : null;
    const animator = canvas && ctx ? new DotAnimator(canvas, ctx, () => anchorsRef.current) : null;
    const slices: Slice[] = Array.from({ length: SLICES }, emptySlice);
    let current = slices[SLICES - 1]!;

    const unsubscribe = routeFeed.subscribe((events, happened) => {
      current.happened += happened;
      events.forEach((e, k) => {
        if (animator) {
          if (animator.spawn(e.dest, (k / events.length) * FRAME_MS)) current.shown++;
        } else {
          current.shown++;
          current.byDest.set(e.dest, (current.byDest.get(e.dest) ?? 0) + 1);
        }
      });
    });
    const timer = window.setInterval(() => {
      const next = total(slices, animator === null);
      setTraffic((prev) => (same(prev, next) ? prev : next));
      slices.shift();
      current = emptySlice();
      slices.push(current);
    }, SLICE_MS);

    return () => {
      unsubscribe();
      window.clearInterval(timer);
      animator?.dispose();
    };
  }, [motion, ready, layerRef, anchorsRef, routeFeed, theme]);

  return traffic;
}
