export { OutcomesPanel } from './OutcomesPanel.tsx';
