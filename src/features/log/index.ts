export { LogPanel } from './LogPanel.tsx';
