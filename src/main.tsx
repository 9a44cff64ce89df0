import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createPageStore } from './app/pageStore.ts';
import { registerServiceWorker } from './lib/serviceWorker.ts';
import { AppStoreProvider } from './store/hooks.tsx';
import './index.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={createPageStore()}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);

registerServiceWorker();
