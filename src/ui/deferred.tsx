import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component whose code loads on demand. Parts of the page nobody needs in the first second
 * (closed learning panels, panels below the fold, dialogs and downloads) are wrapped in this by
 * their feature's entry point, so the first screen's script stays small. While one loads, its
 * place shows its title (or nothing when `title` is null), so the layout does not jump.
 */
export function deferred(
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
