export { PickInspector } from './PickInspector.tsx';
