import type { PageEnv } from './types.ts';

/**
 * The code people write (the strategy editor's draft and each exercise's attempt), kept in
 * localStorage as it is typed, so a reload, a crash or a closed tab loses none of it. Every access
 * is guarded: storage that is full, disabled or unreadable only means the drafts are not kept.
 */
const KEY = 'balancer-playground.strategy-drafts';

export interface StrategyDrafts {
  /** The strategy editor's code, or null when it was never edited. */
  readonly editor: string | null;
  /** Each exercise's attempt, by exercise id. */
  readonly exercises: Readonly<Record<string, string>>;
}

export const NO_DRAFTS: StrategyDrafts = { editor: null, exercises: {} };

/** The kept drafts, or none. Never throws. */
export function readDrafts(page: PageEnv): StrategyDrafts {
  try {
    const text = page.storage()?.getItem(KEY);
    if (!text) return NO_DRAFTS;
    const data = JSON.parse(text) as unknown;
    if (typeof data !== 'object' || data === null) return NO_DRAFTS;
    const { editor, exercises } = data as Record<string, unknown>;
    const kept: Record<string, string> = {};
    if (typeof exercises === 'object' && exercises !== null) {
      for (const [id, code] of Object.entries(exercises))
        if (typeof code === 'string') kept[id] = code;
    }
    return { editor: typeof editor === 'string' ? editor : null, exercises: kept };
  } catch {
    return NO_DRAFTS;
  }
}

/** Keeps the drafts; false when storage refused them (full or disabled). Never throws. */
export function writeDrafts(page: PageEnv, drafts: StrategyDrafts): boolean {
  try {
    const storage = page.storage();
    if (storage === null) return false;
    storage.setItem(KEY, JSON.stringify(drafts));
    return true;
  } catch {
    return false;
  }
}
