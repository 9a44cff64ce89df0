/**
 * Theory next to measurement: the panel loads on demand; the overlays (Che, M/M/1) are what the
 * cache and latency charts draw as reference lines.
 */
import { deferred } from '../../ui/deferred.tsx';

export const TheoryPanel = deferred(
  async () => (await import('./TheoryPanel.tsx')).TheoryPanel,
  'Theory check',
  760,
);
export { mm1AttainmentPrediction } from './attainment.ts';
export { CheMemo, chePrediction, latencyReference } from './theoryOverlay.ts';
export {
  erlangBPrediction,
  mm1Prediction,
  supermarketPrediction,
  type TheoryPrediction,
} from './theoryOverlay.ts';
