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
/** Pages rendered from one reply; forgotten with the reply when the server's cache drops it. */
const renders = new WeakMap<object, Map<string, PrerenderResult>>();
const MAX_RENDERS_PER_REPLY = 50;

export const prerender: Prerender = async ({ url, viewerZone, nowMs, loadList }) => {
  const { pathname, search } = new URL(url, 'http://prerender.invalid');
  const query = explorerListQuery(pathname, search);
  if (!query) return null;
  const endMs = windowEnd(nowMs);
  const apiQuery = toApiParams(query, endMs, 0).toString();
  const [body] = await Promise.all([loadList(apiQuery), loadFirstScreenModules(search)]);
  if (body === null || typeof body !== 'object') return null;
  // The server hands out the same reply object while it caches it: same reply, same page.
  const renderKey = `${pathname}${search}|${viewerZone}|${endMs}`;
  const rendered = renders.get(body) ?? new Map<string, PrerenderResult>();
  renders.set(body, rendered);
  const known = rendered.get(renderKey);
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
    const result = { html, boot: { apiQuery, body, endMs, fetchedAt, viewerZone } };
    if (rendered.size < MAX_RENDERS_PER_REPLY) rendered.set(renderKey, result);
    return result;
  } finally {
    client.clear();
  }
};
