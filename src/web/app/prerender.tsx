import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import type { Prerender, PrerenderResult } from '../../contract/prerender.ts';
import { seedFirstPage } from '../features/sessions/api/seed-first-page.ts';
import { toApiParams, windowEnd } from '../features/sessions/lib/api-params.ts';
import { PrerenderingContext } from '../lib/prerendering.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { renderForViewerZone } from '../lib/time-format.ts';
import { AppProviders, AppRoutes } from './app.tsx';
import { explorerListQuery, loadFirstScreenModules } from './prefetch-explorer.ts';

/**
 * The SSR bundle's entry (`npm run build` builds it into dist/ssr; the server loads it, see
 * src/contract/prerender.ts): the explorer's first screen rendered to HTML by the same
 * components as in the browser, from the first page of the list. The browser renders afresh
 * over it (createRoot, not hydration), so a difference between the two, such as the viewer's
 * zone, costs a repaint rather than an error.
 */
/**
 * Recent renders, each with the reply it came from. The server hands out the same reply object
 * while it caches it (30 s), so the same page of the same reply is rendered once. Bounded:
 * about 100 kB a page.
 */
const renders = new Map<string, { body: object; result: PrerenderResult }>();
const MAX_RENDERS = 100;

function recallRender(key: string, body: object): PrerenderResult | null {
  const known = renders.get(key);
  if (!known || known.body !== body) return null;
  renders.delete(key);
  renders.set(key, known);
  return known.result;
}

function rememberRender(key: string, body: object, result: PrerenderResult): void {
  renders.delete(key);
  renders.set(key, { body, result });
  for (const oldest of renders.keys()) {
    if (renders.size <= MAX_RENDERS) break;
    renders.delete(oldest);
  }
}

export const prerender: Prerender = async ({ url, viewerZone, nowMs, loadList }) => {
  const { pathname, search } = new URL(url, 'http://prerender.invalid');
  const query = explorerListQuery(pathname, search);
  if (!query) return null;
  const endMs = windowEnd(nowMs);
  const apiQuery = toApiParams(query, endMs, 0).toString();
  const [body] = await Promise.all([loadList(apiQuery), loadFirstScreenModules(search)]);
  if (body === null || typeof body !== 'object') return null;
  const renderKey = `${pathname}${search}|${viewerZone}|${endMs}`;
  const known = recallRender(renderKey, body);
  if (known) return known;
  const client = createQueryClient();
  const fetchedAt = Date.now();
  if (!seedFirstPage(client, query, { body, endMs, fetchedAt })) return null;
  try {
    const html = renderForViewerZone(viewerZone, () =>
      renderToString(
        <PrerenderingContext value>
          <AppProviders client={client}>
            <StaticRouter location={pathname + search}>
              <AppRoutes />
            </StaticRouter>
          </AppProviders>
        </PrerenderingContext>,
      ),
    );
    const result = { html, boot: { apiQuery, body, endMs, fetchedAt } };
    rememberRender(renderKey, body, result);
    return result;
  } finally {
    client.clear();
  }
};
