export { LoadPanel } from './LoadPanel.tsx';
