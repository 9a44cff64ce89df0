export { ServersPanel } from './ServersPanel.tsx';
export { serverBadges, type MainState, type ServerFacts } from './serverStates.ts';
