import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Parts of the page nobody needs in the first second (closed learning panels, panels below the
 * fold, dialogs and downloads) load on demand, so the first screen's script stays small. While one
 * loads, its place shows its title, so the layout does not jump.
 */
function deferred(
  load: () => Promise<ComponentType>,
  title: string | null,
): () => React.JSX.Element {
  const Lazy: LazyExoticComponent<ComponentType> = lazy(async () => ({ default: await load() }));
  const fallback =
    title === null ? null : (
      <section className="panel" aria-busy="true" aria-label={title}>
        <h2>{title}</h2>
      </section>
    );
  return function DeferredPanel() {
    return (
      <Suspense fallback={fallback}>
        <Lazy />
      </Suspense>
    );
  };
}

export const LessonPanel = deferred(
  async () => (await import('../features/lessons/LessonPanel.tsx')).LessonPanel,
  'Lessons',
);
export const ChallengePanel = deferred(
  async () => (await import('../features/challenges/ChallengePanel.tsx')).ChallengePanel,
  'Interview practice',
);
export const HashingPanel = deferred(
  async () => (await import('../features/hashing/HashingPanel.tsx')).HashingPanel,
  'Hashing & cache locality',
);
export const TheoryPanel = deferred(
  async () => (await import('../features/theory/TheoryPanel.tsx')).TheoryPanel,
  'Theory check',
);
export const ComparePanel = deferred(
  async () => (await import('../features/compare/ComparePanel.tsx')).ComparePanel,
  'Compare strategies',
);
export const ConfigExport = deferred(
  async () => (await import('../features/exports/ConfigExport.tsx')).ConfigExport,
  null,
);
export const MetricsExport = deferred(
  async () => (await import('../features/exports/MetricsExport.tsx')).MetricsExport,
  null,
);
