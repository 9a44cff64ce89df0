export { RunControls } from './RunControls.tsx';
export { SimClock } from './SimClock.tsx';
export { SPEEDS, speedLabel, stepSpeed } from './speeds.ts';
