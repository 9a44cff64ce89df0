export { StrategyPanel } from './StrategyPanel.tsx';
