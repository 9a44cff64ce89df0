import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createPageStore } from './app/pageStore.ts';
import { readPageAddress } from './lib/pageAddress.ts';
import { registerServiceWorker } from './lib/serviceWorker.ts';
import { applyTheme, storedTheme } from './lib/theme.ts';
import { AppStoreProvider } from './store/hooks.tsx';
import './index.css';

// Before the first render, so a remembered dark theme never flashes light.
applyTheme(storedTheme());

const address = readPageAddress(window.location);
// `?motion=0` (tests use it): before the first render too, so nothing starts to move.
if (!address.motion) document.documentElement.dataset.motion = 'off';

const store = createPageStore();
// Started before the first render: the worker loads its code and the setup on the other core
// while this thread renders the page, instead of after. App waits for the same promise.
const opened = store.getState().startup(address.startup);

// A transition, so React renders the first screen in slices with the browser free in between,
// not in one task of several hundred milliseconds on a slow machine.
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <App opened={opened} />
      </AppStoreProvider>
    </StrictMode>,
  );
});

registerServiceWorker();
