/** Interview practice: the panel loads on demand (see ui/deferred.tsx). */
import { deferred } from '../../ui/deferred.tsx';

export const ChallengePanel = deferred(
  async () => (await import('./ChallengePanel.tsx')).ChallengePanel,
  'Interview practice',
);
