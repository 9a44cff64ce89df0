import type { RawScenario } from '../engine/scenario/schema.ts';
import type { PageEnv } from './types.ts';

/**
 * The autosave: the current setup in localStorage, written a moment after every accepted change
 * (and at once when the page is being left), read back when the page opens. Storage can be full,
 * disabled or hold something unreadable; none of that may break the page, so every access is
 * guarded and a failure becomes a message.
 */

const KEY = 'balancer-playground.autosave';
const FORMAT = 1;
/** How long the autosave waits after a change, so a burst of edits is written once. */
export const AUTOSAVE_DELAY_MS = 400;

/** What is kept: the setup as a v1 file, and the preset it is when unedited. */
export interface SavedSetup {
  readonly scenario: RawScenario;
  readonly presetId: string | null;
}

export type ReadSaved =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly saved: SavedSetup }
  | { readonly kind: 'error'; readonly message: string };

/** The autosaved setup, if there is a readable one. Never throws. */
export function readAutosave(page: PageEnv): ReadSaved {
  let text: string | null;
  try {
    text = page.storage()?.getItem(KEY) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data === 'object' && data !== null && 'format' in data && 'scenario' in data) {
      const { format, scenario, presetId } = data as Record<string, unknown>;
      if (format === FORMAT && typeof scenario === 'object' && scenario !== null) {
        return {
          kind: 'ok',
          saved: {
            scenario: scenario as RawScenario,
            presetId: typeof presetId === 'string' ? presetId : null,
          },
        };
      }
    }
  } catch {
    // falls through to the message below
  }
  return {
    kind: 'error',
    message: 'The autosaved setup could not be read, so it was not restored.',
  };
}

/** Writes setups to storage a moment after the last change; `onError` hears why one failed. */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: SavedSetup | null = null;
  private failed = false;

  constructor(
    private readonly page: PageEnv,
    private readonly onError: (message: string) => void,
  ) {
    page.onLeave(() => this.flush());
  }

  schedule(saved: SavedSetup): void {
    this.pending = saved;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), AUTOSAVE_DELAY_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    const saved = this.pending;
    this.pending = null;
    if (!saved) return;
    try {
      this.page.storage()?.setItem(KEY, JSON.stringify({ format: FORMAT, ...saved }));
      this.failed = false;
    } catch (e) {
      // Said once, not on every edit; the next successful write clears it.
      if (this.failed) return;
      this.failed = true;
      const why =
        e instanceof DOMException && e.name === 'QuotaExceededError'
          ? 'storage is full'
          : String(e);
      this.onError(`Your setup could not be autosaved (${why}); export it to keep it.`);
    }
  }

  /** Forgets the autosave and anything waiting to be written. */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = null;
    try {
      this.page.storage()?.removeItem(KEY);
    } catch {
      // nothing saved can be removed: nothing to do
    }
  }
}
