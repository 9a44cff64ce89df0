import type { RawScenario } from '../engine/scenario/schema.ts';
import { parseJsonText } from '../lib/scenarioFile.ts';
import type { PageEnv } from './types.ts';

/**
 * The autosave: the current setup in localStorage, written a moment after every accepted change
 * (and at once when the page is being left), read back when the page opens. Storage can be full,
 * disabled or hold something unreadable; none of that may break the page, so every access is
 * guarded and a failure becomes a message.
 */

const KEY = 'balancer-playground.autosave';
/**
 * A few bytes written when a save fails (a full storage usually still takes them): the saved
 * setup is older than the person's work, and the next page to open it must say so.
 */
const STALE_KEY = 'balancer-playground.autosave-stale';
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
  | {
      readonly kind: 'ok';
      readonly saved: SavedSetup;
      /** Later changes could not be saved (storage was full): when they started failing. */
      readonly staleSince: number | null;
    }
  | { readonly kind: 'error'; readonly message: string };

/** "10:42" in the page's time zone, for notices about when something happened. */
export function clockOf(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** Why a write failed, in words. */
function whyFailed(e: unknown): string {
  return e instanceof DOMException && e.name === 'QuotaExceededError'
    ? 'storage is full'
    : String(e);
}

/** The autosaved setup, if there is a readable one. Never throws. */
export function readAutosave(page: PageEnv): ReadSaved {
  let text: string | null;
  try {
    text = page.storage()?.getItem(KEY) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  // The same reader as files and links: a nesting-depth or syntax refusal becomes a sentence,
  // never a raw "Maximum call stack size exceeded" from further down.
  const parsed = parseJsonText(text, 'The autosaved setup');
  if (!parsed.ok) return { kind: 'error', message: `${parsed.message} It was not restored.` };
  const saved = parseSaved(text);
  if (saved) return { kind: 'ok', saved, staleSince: readStale(page) };
  return {
    kind: 'error',
    message: 'The autosaved setup could not be read, so it was not restored.',
  };
}

function readStale(page: PageEnv): number | null {
  try {
    const since = Number(page.storage()?.getItem(STALE_KEY) ?? NaN);
    return Number.isFinite(since) ? since : null;
  } catch {
    return null;
  }
}

/**
 * Writes setups to storage a moment after the last change; `onError` hears why one failed. While
 * writes keep failing each new failure says so again (one notice, updated in place: how long the
 * setup has gone unsaved), so a full storage never goes quiet after its first notice.
 */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: SavedSetup | null = null;
  /** When writes started failing, and how many changes have failed since. */
  private failingSince: number | null = null;
  private failures = 0;

  constructor(
    private readonly page: PageEnv,
    private readonly onError: (message: string) => void,
    private readonly now: () => number = () => Date.now(),
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
    const storage = this.safeStorage();
    try {
      storage?.setItem(KEY, JSON.stringify({ format: FORMAT, ...saved }));
      storage?.removeItem(STALE_KEY); // the saved setup is current again
      this.failingSince = null;
      this.failures = 0;
    } catch (e) {
      this.failures++;
      const first = this.failingSince === null;
      this.failingSince ??= this.now();
      try {
        storage?.setItem(STALE_KEY, String(this.failingSince));
      } catch {
        // not even a few bytes fit: the notice below is all that can be done
      }
      const changes = this.failures === 1 ? 'this change is' : `${this.failures} changes are`;
      this.onError(
        first
          ? `Your setup could not be autosaved (${whyFailed(e)}); export it to keep it.`
          : `Your setup has not been autosaved since ${clockOf(this.failingSince)} ` +
              `(${whyFailed(e)}): ${changes} not saved. Export it to keep it.`,
      );
    }
  }

  private safeStorage() {
    try {
      return this.page.storage();
    } catch {
      return null;
    }
  }

  /** Forgets the autosave and anything waiting to be written. */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = null;
    try {
      this.page.storage()?.removeItem(KEY);
      this.page.storage()?.removeItem(STALE_KEY);
    } catch {
      // nothing saved can be removed: nothing to do
    }
  }
}

/**
 * Hears another tab writing the autosave slot (both tabs save into the same one, and the last
 * writer would win without anyone knowing): `onChange` gets the setup it saved.
 */
export function watchAutosave(page: PageEnv, onChange: (saved: SavedSetup) => void): void {
  page.onStorageChange?.(KEY, (value) => {
    if (value === null) return; // cleared there (reset to defaults): nothing to offer
    const read = parseSaved(value);
    if (read) onChange(read);
  });
}

/** A saved setup from the slot's text, or null when it is not one. */
function parseSaved(text: string): SavedSetup | null {
  const parsed = parseJsonText(text, 'The autosaved setup');
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const { format, scenario, presetId } = parsed.value as Record<string, unknown>;
  if (format !== FORMAT || typeof scenario !== 'object' || scenario === null) return null;
  return {
    scenario: scenario as RawScenario,
    presetId: typeof presetId === 'string' ? presetId : null,
  };
}
