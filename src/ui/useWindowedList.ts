import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, type RefObject } from 'react';

/** Options of {@link useWindowedList}. */
export interface WindowedListOptions {
  /** A row's height before it is measured, px. */
  readonly estimate: number;
  /** Up to this many rows everything renders in the normal flow (nothing windowed). */
  readonly from?: number;
  /** Rows rendered beyond each edge of the view, so a quick scroll shows no blank. */
  readonly overscan?: number;
  /** Space between rows (CSS gap), px. */
  readonly gap?: number;
}

/** What to render: these rows, with this much room kept before and after them. */
export interface WindowedList {
  /** Row indexes to render, in order. */
  readonly indexes: readonly number[];
  /** Height of the rows above and below the rendered ones, px (padding on the list). */
  readonly before: number;
  readonly after: number;
  /** Whether rows are windowed (more than `from`). */
  readonly windowed: boolean;
  /**
   * Ref callback for a rendered row (with `data-index` set to its index) so its real height is
   * measured: rows that wrap or open an editor keep the scroll position honest.
   */
  readonly measure: (el: Element | null) => void;
}

const NOTHING = () => undefined;

/**
 * Renders only the rows of a long list that are in (or near) its scrolled view, with the height
 * of the rest kept as padding, using TanStack Virtual (rows measured as they render, so rows of
 * different heights are fine). Short lists render every row exactly as before: windowing starts
 * past `from` rows, which is what keeps ten thousand servers to a few dozen DOM rows.
 */
export function useWindowedList(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  { estimate, from = 60, overscan = 8, gap = 0 }: WindowedListOptions,
): WindowedList {
  const windowed = count > from;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan,
    gap,
    enabled: windowed,
    // Rows show on the first paint, before the list's size has been measured.
    initialRect: { width: 0, height: 600 },
  });
  // Rows are measured in the next frame's callbacks, not in the commit: measuring asks the browser
  // for layout at once, which after a big first render (10,000 servers) put a whole-page layout
  // into the same task. The frame lays the page out anyway; the estimate holds until then.
  const measure = useCallback(
    (el: Element | null) => {
      if (el === null) virtualizer.measureElement(null);
      else
        requestAnimationFrame(() => {
          if (el.isConnected) virtualizer.measureElement(el);
        });
    },
    [virtualizer],
  );
  if (!windowed) {
    return {
      indexes: Array.from({ length: count }, (_, i) => i),
      before: 0,
      after: 0,
      windowed: false,
      measure: NOTHING,
    };
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const total = virtualizer.getTotalSize();
  return {
    indexes: items.map((item) => item.index),
    before: first ? first.start : 0,
    after: last ? Math.max(0, total - last.end) : total,
    windowed: true,
    measure,
  };
}
