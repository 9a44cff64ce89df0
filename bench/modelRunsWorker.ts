/**
 * Entry of the browser half of the reference-model benchmark: modelInBrowser.ts bundles this file
 * and starts it as a dedicated worker, where the playground's simulation also runs. A browser
 * has no clock of a thread's CPU time, so both clocks are the wall clock.
 */
import { modelRuns } from './modelRuns.ts';

const scope = globalThis as unknown as {
  onmessage: (e: { data: { arrivals: number; runs: number } }) => void;
  postMessage: (message: unknown) => void;
};
const now = () => performance.now();
scope.onmessage = (e) => {
  scope.postMessage(modelRuns(e.data.arrivals, e.data.runs, { wallMs: now, cpuMs: now }));
};
