export { DefencesPanel } from './DefencesPanel.tsx';
