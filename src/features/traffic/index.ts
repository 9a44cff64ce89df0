export { TrafficPanel } from './TrafficPanel.tsx';
