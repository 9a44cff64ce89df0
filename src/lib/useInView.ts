import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element is on screen (including inside a scrolled list), so a row of a hundred can
 * skip live updates nobody can see. Starts as visible, so nothing is hidden before the observer
 * has reported.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry) setInView(entry.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
