import type { ServiceSpec } from '../../engine/scenario/types.ts';
import { meanServiceMs } from '../../engine/serviceTime.ts';

export type Distribution = ServiceSpec['distribution'];

/** The distributions in the order the menu lists them: menu label and a line about the shape. */
export const DISTRIBUTIONS: ReadonlyArray<{
  readonly value: Distribution;
  readonly label: string;
  readonly note: string;
}> = [
  {
    value: 'uniform',
    label: 'Uniform',
    note: 'Any time between the minimum and the maximum, equally likely.',
  },
  { value: 'exponential', label: 'Exponential', note: 'Mostly short, now and then much longer.' },
  { value: 'constant', label: 'Constant', note: 'Every request takes exactly the same time.' },
  {
    value: 'lognormal',
    label: 'Lognormal',
    note: 'A long tail of slow requests, as real services have.',
  },
];

const LOGNORMAL_SIGMA = 0.5;

/**
 * The same mean in another distribution, so switching shape does not also change how loaded the
 * servers are (a 400 ms uniform 200–600 becomes an exponential of mean 400 ms, and so on).
 */
export function withDistribution(spec: ServiceSpec, to: Distribution): ServiceSpec {
  const mean = Math.round(meanServiceMs(spec)) || 400;
  switch (to) {
    case 'uniform':
      return {
        distribution: 'uniform',
        minMs: Math.round(mean / 2),
        maxMs: Math.round(mean * 1.5),
      };
    case 'exponential':
      return { distribution: 'exponential', meanMs: mean };
    case 'constant':
      return { distribution: 'constant', ms: mean };
    case 'lognormal': {
      const medianMs = Math.max(
        1,
        Math.round(mean / Math.exp((LOGNORMAL_SIGMA * LOGNORMAL_SIGMA) / 2)),
      );
      return { distribution: 'lognormal', medianMs, sigma: LOGNORMAL_SIGMA };
    }
  }
}
