import { Suspense, type ReactNode } from 'react';
import { usePrerendering } from '../lib/prerendering.ts';

/**
 * A code-split part with nothing in its place until its chunk lands. Left out of the server's
 * pre-render as well: the browser's first render has not loaded it either, so the page does
 * not show it, drop it, then show it again.
 */
export function LazyPart({ children }: { children: ReactNode }) {
  return usePrerendering() ? null : <Suspense fallback={null}>{children}</Suspense>;
}
