import { downloadText } from '../lib/download.ts';
import type { PageEnv } from './types.ts';

/**
 * The scenario actions' window on the browser: storage, the address bar, the clipboard and
 * downloads. Kept apart so those actions run unchanged in Node tests with a fake page.
 */
export const browserPage: PageEnv = {
  storage: () => {
    try {
      return window.localStorage;
    } catch {
      return null; // some browsers throw when storage is disabled
    }
  },
  address: () => window.location,
  replaceAddress: (url) => window.history.replaceState(window.history.state, '', url),
  copy: async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false; // no permission, or an insecure page: the link is shown to copy by hand
    }
  },
  download: (fileName, text) => downloadText(fileName, text, 'application/json'),
  onStorageChange: (key, listener) => {
    // Fired in every other tab of the same site when one writes (never in the writer itself).
    window.addEventListener('storage', (e) => {
      if (e.key === key && e.storageArea === window.localStorage) listener(e.newValue);
    });
  },
  onLeave: (flush) => {
    // Leaving or hiding the page writes at once: a reload right after an edit keeps it.
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  },
};
