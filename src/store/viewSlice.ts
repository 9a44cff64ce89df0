import type { PageEnv } from './types.ts';
import type { AppState } from './types.ts';

/**
 * How the page is shown rather than what it simulates: the first-run guide, the shortcut sheet
 * and presentation mode. The guide opens by itself once, on a first visit (the page opened the
 * classic demo because there was no autosave, share link or ?preset=), until it is dismissed;
 * presentation mode is the address's `?present=<chart>` flag, so a link opens straight into it.
 */

/** The charts presentation mode can show big beside the flow view, as `?present=` names them. */
export const PRESENT_CHARTS = ['load', 'timeline', 'outcomes', 'latency', 'cache'] as const;
export type PresentChart = (typeof PRESENT_CHARTS)[number];
export const DEFAULT_PRESENT_CHART: PresentChart = 'load';

/** The guide's steps: what the picture shows, press Play, what happened, where next. */
export const GUIDE_STEPS = 4;

const GUIDE_KEY = 'balancer-playground.guide';

export interface ViewState {
  /** Opened with the "?" button (or by itself on a first visit, see {@link guideShown}). */
  readonly guideOpen: boolean;
  /** Dismissed once: it never opens by itself again (remembered in storage). */
  readonly guideDismissed: boolean;
  readonly guideStep: number;
  readonly shortcutsOpen: boolean;
  /** The chart shown big in presentation mode, or null when the page is not presenting. */
  readonly presenting: PresentChart | null;

  openGuide(): void;
  /** Closes the guide and remembers that it was seen. */
  closeGuide(): void;
  setGuideStep(step: number): void;
  setShortcutsOpen(open: boolean): void;
  /** Presents `chart` beside the flow view (null: the normal page), and says so in the address. */
  setPresenting(chart: PresentChart | null): void;
}

/** Whether the guide is on screen: asked for, or a first visit that has not dismissed it. */
export function guideShown(s: Pick<AppState, 'view' | 'firstVisit'>): boolean {
  if (s.view.presenting !== null) return false;
  return s.view.guideOpen || (s.firstVisit && !s.view.guideDismissed);
}

/** `?present` (the default chart) or `?present=<chart>`; null without the flag. */
export function presentFlag(search: string): PresentChart | null {
  const value = new URLSearchParams(search).get('present');
  if (value === null) return null;
  return (PRESENT_CHARTS as readonly string[]).includes(value)
    ? (value as PresentChart)
    : DEFAULT_PRESENT_CHART;
}

/** What the view slice needs from the store around it. */
export interface ViewHost {
  readonly set: (fn: (state: AppState) => Partial<AppState>) => void;
  readonly page: PageEnv;
}

function readDismissed(page: PageEnv): boolean {
  try {
    return page.storage()?.getItem(GUIDE_KEY) === 'dismissed';
  } catch {
    return false;
  }
}

export function viewSlice({ set, page }: ViewHost): ViewState {
  const patch = (p: Partial<ViewState>) => set((s) => ({ view: { ...s.view, ...p } }));
  return {
    guideOpen: false,
    guideDismissed: readDismissed(page),
    guideStep: 0,
    shortcutsOpen: false,
    presenting: presentFlag(new URL(page.address().href).search),

    openGuide: () => patch({ guideOpen: true, guideStep: 0, shortcutsOpen: false }),
    closeGuide() {
      patch({ guideOpen: false, guideDismissed: true });
      try {
        page.storage()?.setItem(GUIDE_KEY, 'dismissed');
      } catch {
        // not remembered: it may open again on the next first visit, nothing worse
      }
    },
    setGuideStep: (step) => patch({ guideStep: Math.max(0, Math.min(GUIDE_STEPS - 1, step)) }),
    setShortcutsOpen: (open) => patch({ shortcutsOpen: open }),
    setPresenting(chart) {
      patch({ presenting: chart });
      const url = new URL(page.address().href);
      if (chart === null) url.searchParams.delete('present');
      else url.searchParams.set('present', chart);
      page.replaceAddress(`${url.pathname}${url.search}${url.hash}`);
    },
  };
}
