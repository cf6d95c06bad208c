import { createContext, useContext } from 'react';

/**
 * True inside the server's pre-render (src/web/app/server-render.tsx) and in the browser's
 * render that hydrates it, false from the render after. A component may render a lighter but
 * identical-looking version meanwhile — the time zone picker shows only the chosen zone
 * instead of 400 options ahead of the first row.
 */
export const PrerenderingContext = createContext(false);

export function usePrerendering(): boolean {
  return useContext(PrerenderingContext);
}
