import { lazy, Suspense } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { guideShown } from '../../store/viewSlice.ts';

const GuideCard = lazy(async () => ({ default: (await import('./GuideCard.tsx')).GuideCard }));

/** The first-run guide where it belongs, loaded only when it is shown (first visit or "?"). */
export function Guide() {
  const shown = useApp(guideShown);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <GuideCard />
    </Suspense>
  );
}
