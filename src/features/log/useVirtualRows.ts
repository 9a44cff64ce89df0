import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { rowAt } from './logLines.ts';

/** What {@link useVirtualRows} gives the list: the rows to render and the scroll wiring. */
export interface VirtualRows {
  /** Attach to the fixed-height scroll container. */
  readonly ref: RefObject<HTMLDivElement | null>;
  /** Render rows start..end-1 (end exclusive), each at top = offsets[index]. */
  readonly start: number;
  readonly end: number;
  /** Where each row starts (and, at the end, the list's height), as `place` gave them. */
  readonly offsets: Float64Array;
  /** Height of the spacer that stands in for every row. */
  readonly totalHeight: number;
  /** The scroll container's inner width, px (0 until measured). */
  readonly width: number;
  /** True while the view sticks to the newest row. */
  readonly following: boolean;
  readonly onScroll: () => void;
  readonly jumpToLatest: () => void;
}

/**
 * Windowing for a list of rows that `place` lays out for the list's width (row i spans
 * offsets[i] to offsets[i + 1]): only the rows in view (plus `overscan` either side) are
 * rendered, so 10,000 log entries cost as much as forty. It follows the tail while the person is
 * at the bottom and stops when they scroll up, as terminal and CI logs do.
 */
export function useVirtualRows(place: (width: number) => Float64Array, overscan = 10): VirtualRows {
  const ref = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [following, setFollowing] = useState(true);
  const offsets = useMemo(() => place(viewport.width), [place, viewport.width]);
  const count = offsets.length - 1;
  const totalHeight = offsets[count] ?? 0;

  // A list that fits has no "scrolled up": start following again (e.g. after the log was cleared).
  if (!following && totalHeight <= viewport.height) setFollowing(true);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      setViewport((v) =>
        v.width === el.clientWidth && v.height === el.clientHeight
          ? v
          : { width: el.clientWidth, height: el.clientHeight },
      ),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // In the next frame's callbacks, before its paint, so new rows never flash above the fold
  // before the view jumps down to them. Not in the commit itself: setting scrollTop makes the
  // browser lay out the page at once, which after a big render (10,000 servers' first snapshot)
  // put a whole-page layout of ~60 ms into the same task; the frame lays out anyway.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !following) return;
    // The height is known without asking layout for scrollHeight; the browser clamps the rest.
    const id = requestAnimationFrame(() => {
      el.scrollTop = totalHeight;
    });
    return () => cancelAnimationFrame(id);
  }, [following, totalHeight, viewport]);

  const lastScrollTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 10;
    const movedUp = el.scrollTop < lastScrollTop.current - 1;
    lastScrollTop.current = el.scrollTop;
    setFollowing((was) => followsAfterScroll(was, atBottom, movedUp));
    // While following, the window is derived from the rows' height; skipping the position here
    // spares a re-render on every frame in which new rows arrived.
    if (!atBottom) setScrollTop(el.scrollTop);
  }, []);

  const jumpToLatest = useCallback(() => setFollowing(true), []);

  const top = following ? Math.max(0, totalHeight - viewport.height) : scrollTop;
  const start = count === 0 ? 0 : Math.max(0, rowAt(offsets, top) - overscan);
  const end =
    count === 0 ? 0 : Math.min(count, rowAt(offsets, top + viewport.height) + 1 + overscan);
  return {
    ...{ ref, start, end, offsets, totalHeight, width: viewport.width },
    ...{ following, onScroll, jumpToLatest },
  };
}

/**
 * Whether the list follows the newest rows after a scroll event. Only a scroll up stops it: the
 * event of the list's own jump to the bottom can arrive after more rows made the list taller,
 * which looks "not at the bottom" but is not the reader leaving it (a busy page then stopped
 * following for good, and new lines stayed out of view). At the bottom it follows again.
 */
export function followsAfterScroll(
  following: boolean,
  atBottom: boolean,
  movedUp: boolean,
): boolean {
  if (atBottom) return true;
  return following && !movedUp;
}
