import { createContext, useContext } from 'react';

/**
 * True inside the server's pre-render (src/web/app/prerender.tsx). The browser renders afresh
 * over it, so a component may render a lighter but identical-looking version there — the time
 * zone picker shows only the chosen zone instead of 400 options ahead of the first row.
 */
export const PrerenderingContext = createContext(false);

export function usePrerendering(): boolean {
  return useContext(PrerenderingContext);
}
