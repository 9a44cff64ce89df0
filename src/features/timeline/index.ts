export { TimelinePanel } from './TimelinePanel.tsx';
