import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** What {@link useVirtualRows} gives the list: the rows to render and the scroll wiring. */
export interface VirtualRows {
  /** Attach to the fixed-height scroll container. */
  readonly ref: RefObject<HTMLDivElement | null>;
  /** Render rows start..end-1 (end exclusive), each at top = index × rowHeight. */
  readonly start: number;
  readonly end: number;
  /** Height of the spacer that stands in for every row. */
  readonly totalHeight: number;
  /** True while the view sticks to the newest row. */
  readonly following: boolean;
  readonly onScroll: () => void;
  readonly jumpToLatest: () => void;
}

/**
 * Windowing for a list of fixed-height rows: only the rows in view (plus `overscan` either side)
 * are rendered, so 10,000 log entries cost as much as forty. It follows the tail while the person
 * is at the bottom and stops when they scroll up, as terminal and CI logs do.
 */
export function useVirtualRows(count: number, rowHeight: number, overscan = 10): VirtualRows {
  const ref = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const [following, setFollowing] = useState(true);
  const totalHeight = count * rowHeight;

  // A list that fits has no "scrolled up": start following again (e.g. after the log was cleared).
  if (!following && totalHeight <= viewport) setFollowing(true);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Before paint, so new rows never flash above the fold before the view jumps down to them.
  useLayoutEffect(() => {
    const el = ref.current;
    // The height is known without asking layout for scrollHeight; the browser clamps the rest.
    if (el && following) el.scrollTop = totalHeight;
  }, [following, totalHeight, viewport]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < rowHeight / 2;
    setFollowing(atBottom);
    // While following, the window is derived from the row count; skipping the position here
    // spares a re-render on every frame in which new rows arrived.
    if (!atBottom) setScrollTop(el.scrollTop);
  }, [rowHeight]);

  const jumpToLatest = useCallback(() => setFollowing(true), []);

  const top = following ? Math.max(0, totalHeight - viewport) : scrollTop;
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { ref, start, end, totalHeight, following, onScroll, jumpToLatest };
}
