export { ServersPanel } from './ServersPanel.tsx';
