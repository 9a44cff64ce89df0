/** Store hooks for components, which may not import zustand directly (lint enforces it). */
export { useShallow } from 'zustand/react/shallow';
export { usePlayground, logBook, routeFeed } from './playgroundStore.ts';
export type { PlaygroundState, Notice } from './playgroundStore.ts';
