export { CachePanel } from './CachePanel.tsx';
