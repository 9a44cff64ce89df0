import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createPageStore } from './app/pageStore.ts';
import { registerServiceWorker } from './lib/serviceWorker.ts';
import { applyTheme, storedTheme } from './lib/theme.ts';
import { AppStoreProvider } from './store/hooks.tsx';
import './index.css';

// Before the first render, so a remembered dark theme never flashes light.
applyTheme(storedTheme());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={createPageStore()}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);

registerServiceWorker();
