import type { PrerenderResult } from '../../contract/prerender.ts';

/**
 * Recent renders, each with the reply it came from. The server hands out the same reply object
 * while it caches it (30 s), so the same page of the same reply is rendered once. Bounded:
 * about 100 kB a page.
 */
const renders = new Map<string, { body: object; result: PrerenderResult }>();
const MAX_RENDERS = 100;

export function recallRender(key: string, body: object): PrerenderResult | null {
  const known = renders.get(key);
  if (!known || known.body !== body) return null;
  renders.delete(key);
  renders.set(key, known);
  return known.result;
}

export function rememberRender(key: string, body: object, result: PrerenderResult): void {
  renders.delete(key);
  renders.set(key, { body, result });
  for (const oldest of renders.keys()) {
    if (renders.size <= MAX_RENDERS) break;
    renders.delete(oldest);
  }
}
