import { Suspense, type ReactNode } from 'react';
import { usePrerendering } from '../lib/prerendering.ts';

type Props = {
  children: ReactNode;
  /**
   * Shown until the chunk lands, and in the server's pre-render: something of the part's own
   * size, so its arrival moves nothing on the page (layout shift). Nothing when omitted.
   */
  placeholder?: ReactNode;
};

/**
 * A code-split part, left out of the server's pre-render and of the render that hydrates it
 * (its chunk may not be loaded yet), then shown when its chunk lands.
 */
export function LazyPart({ children, placeholder = null }: Props) {
  if (usePrerendering()) return placeholder;
  return <Suspense fallback={placeholder}>{children}</Suspense>;
}
