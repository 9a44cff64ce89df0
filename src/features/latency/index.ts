export { LatencyPanel } from './LatencyPanel.tsx';
