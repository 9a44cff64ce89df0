// Worker threads do not inherit the parent's TypeScript loader: register tsx here, then start the
// worker itself (src/cli/sweep/runWorker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./runWorker.ts');
