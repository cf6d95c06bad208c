import { createContext, useContext, useInsertionEffect } from 'react';

/**
 * Stylesheets a component computes (the table's fit: see column-widths.ts). The CSP admits no
 * inline `<style>`, so a component cannot render one: in the server's pre-render it hands its
 * CSS to this collector, which puts it in the page's one hashed stylesheet; in the browser it
 * adopts it as a constructed stylesheet (the CSSOM, which the CSP allows).
 */
export const PageStylesContext = createContext<((css: string) => void) | null>(null);

const adopted = new Set<string>();

function adopt(css: string): void {
  // jsdom has no constructed stylesheets; its tests do no layout either.
  if (adopted.has(css) || !('adoptedStyleSheets' in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  // Kept for the page's life: each is scoped to one column choice, and a choice made once is
  // likely made again (back and forward).
  adopted.add(css);
}

export function usePageStyles(css: string): void {
  const collect = useContext(PageStylesContext);
  collect?.(css);
  // Before the commit's layout and paint, so the first frame with the table has its rules.
  useInsertionEffect(() => adopt(css), [css]);
}
