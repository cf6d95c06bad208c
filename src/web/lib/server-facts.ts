import { createContext, useContext } from 'react';
import type { ServerFacts } from '../../contract/prerender.ts';

/**
 * What the server is, as the page was rendered with it (see RenderEnvironment): what a
 * component shows before /api answers, so the server's render and the browser's agree and
 * nothing moves when the answer comes. Null when not known.
 */
export const ServerFactsContext = createContext<ServerFacts | null>(null);

export function useServerFacts(): ServerFacts | null {
  return useContext(ServerFactsContext);
}

/** The page's origin, as the page was rendered with it (see RenderEnvironment). */
export const PageOriginContext = createContext<string | null>(null);

export function usePageOrigin(): string | null {
  return useContext(PageOriginContext);
}
