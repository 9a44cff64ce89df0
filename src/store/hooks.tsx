/**
 * How components reach the store: through React context, so the store (and the worker client it
 * owns) is created once by the page's composition root (main.tsx) and never lives at module level.
 * Components may not import zustand directly (lint enforces it); they use these hooks.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './createAppStore.ts';
import type { AppState } from './types.ts';

export { useShallow } from 'zustand/react/shallow';
export type { AppState, Notice, PlaygroundState } from './types.ts';

const StoreContext = createContext<AppStore | null>(null);

/** Props of {@link AppStoreProvider}. */
export interface AppStoreProviderProps {
  readonly store: AppStore;
  readonly children: ReactNode;
}

/** Makes `store` the one the components below use. */
export function AppStoreProvider({ store, children }: AppStoreProviderProps) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for effects that subscribe outside rendering or read the latest state. */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp needs an <AppStoreProvider> above it');
  return store;
}

/** Selects from the store; the component re-renders when the selected value changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
