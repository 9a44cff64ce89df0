import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component whose code loads on demand. Parts of the page nobody needs in the first second
 * (closed learning panels, panels below the fold, dialogs and downloads) are wrapped in this by
 * their feature's entry point, so the first screen's script stays small. While one loads, its
 * place shows its title (or nothing when `title` is null) in about the room it will take, so the
 * layout does not jump.
 */
export function deferred(
  load: () => Promise<ComponentType>,
  title: string | null,
  /** Height (px) the panel's place keeps while it loads, about its usual height, so nothing jumps. */
  reserve = 0,
): () => React.JSX.Element {
  const Lazy: LazyExoticComponent<ComponentType> = lazy(async () => ({ default: await load() }));
  const fallback =
    title === null ? null : (
      <section
        className="panel"
        aria-busy="true"
        aria-label={title}
        style={reserve > 0 ? { minHeight: reserve } : undefined}
      >
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
