import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The element's content width, kept current as the window resizes; null until measured, and
 * for a box with no layout (0 wide: hidden, or a test DOM without layout).
 */
export function useBoxWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => setWidth(el.clientWidth || null);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      setWidth(null);
    };
  }, [ref]);
  return width;
}
