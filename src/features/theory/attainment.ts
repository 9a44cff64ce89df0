import { mm1SloAttainment } from '../../engine/theory.ts';
import { formatMs } from '../../lib/format.ts';
import { mm1Prediction, type TheoryPrediction, type TheorySetup } from './theoryOverlay.ts';

/**
 * SLO attainment under M/M/1 for the setup: with random routing each server is an M/M/1 queue
 * whose mean time in system is W = 1/(μ − λ/n) (mm1Prediction), and the engine's
 * mm1SloAttainment gives the share answered within the threshold, 1 − e^(−t/W). Where M/M/1 does
 * not cover the setup, its reasons stand.
 */
export function mm1AttainmentPrediction(input: TheorySetup): TheoryPrediction {
  const mean = mm1Prediction(input);
  const slo = input.setup.slo;
  const reasons = [...mean.reasons];
  if (!slo) reasons.push('the setup has no SLO: attainment needs a latency threshold');
  const predicted =
    reasons.length === 0 && mean.predicted !== null && slo
      ? mm1SloAttainment(slo.thresholdMs, mean.predicted)
      : null;
  const detail =
    !slo || mean.predicted === null
      ? mean.detail
      : `${mean.detail}; mean time in system ${formatMs(mean.predicted)}, threshold ${formatMs(slo.thresholdMs)}`;
  return { id: 'mm1', unit: 'share', predicted, reasons, detail };
}
