export { RunControls } from './RunControls.tsx';
export { SimClock } from './SimClock.tsx';
