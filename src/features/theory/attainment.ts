import { formatMs } from '../../lib/format.ts';
import { mm1Prediction, type TheoryPrediction, type TheorySetup } from './theoryOverlay.ts';

/**
 * SLO attainment under M/M/1: with random routing each server is an M/M/1 queue (Poisson
 * splitting) whose time in system, FIFO, is exponential with mean W = 1/(μ − λ/n), so the share
 * of requests answered within the threshold t is 1 − e^(−t/W) (Kleinrock, Queueing Systems I,
 * §3.2). Where M/M/1 does not cover the setup, its reasons stand.
 */
export function mm1AttainmentPrediction(input: TheorySetup): TheoryPrediction {
  const mean = mm1Prediction(input);
  const slo = input.setup.slo;
  const reasons = [...mean.reasons];
  if (!slo) reasons.push('the setup has no SLO: attainment needs a latency threshold');
  const predicted =
    reasons.length === 0 && mean.predicted !== null && slo
      ? 1 - Math.exp(-slo.thresholdMs / mean.predicted)
      : null;
  const detail =
    !slo || mean.predicted === null
      ? mean.detail
      : `${mean.detail}; mean time in system ${formatMs(mean.predicted)}, threshold ${formatMs(slo.thresholdMs)}`;
  return { id: 'mm1', unit: 'share', predicted, reasons, detail };
}
