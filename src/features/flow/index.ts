export { FlowPanel } from './FlowPanel.tsx';
