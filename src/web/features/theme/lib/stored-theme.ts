import { createContext, useContext } from 'react';

/**
 * The viewer's stored theme choice as the render starts from it: localStorage in the browser,
 * its cookie copy on the server. Given by context, not read during render, so the browser's
 * hydration starts from what the server rendered (see App).
 */
export const StoredThemeContext = createContext<string | null>(null);

export function useStoredTheme(): string | null {
  return useContext(StoredThemeContext);
}
