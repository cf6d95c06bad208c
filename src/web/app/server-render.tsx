import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { bootApiQuery, type Prerender } from '../../contract/prerender.ts';
import { seedFirstPage } from '../features/sessions/api/seed-first-page.ts';
import { toApiParams, windowEnd } from '../lib/api-params.ts';
import { PageStylesContext } from '../lib/page-styles.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { AppProviders, AppRoutes } from './app.tsx';
import { explorerListQuery, loadFirstScreenModules } from './prefetch-explorer.ts';

/**
 * The SSR bundle's entry (`npm run build` builds it into dist/ssr/prerender.js; the server
 * loads it, see src/contract/prerender.ts): the explorer's first screen rendered to HTML by
 * the same components as in the browser, from the first page of the list. The browser
 * hydrates it (main.tsx) with the same data and the same environment (viewer zone, stored
 * theme), so the two renders produce the same markup.
 */
export const prerender: Prerender = async (input) => {
  const { url, origin, viewerZone, storedTheme, server, nowMs, loadList, renders } = input;
  const { pathname, search } = new URL(url, 'http://prerender.invalid');
  const query = explorerListQuery(pathname, search);
  if (!query) return null;
  const endMs = windowEnd(nowMs);
  const apiQuery = toApiParams(query, endMs, 0).toString();
  const [body] = await Promise.all([loadList(apiQuery), loadFirstScreenModules(search)]);
  if (body === null || typeof body !== 'object') return null;
  const renderKey = `${origin}${pathname}${search}|${viewerZone}|${storedTheme}|${server.mode}|${server.indexed}|${endMs}`;
  const known = renders.recall(renderKey, body);
  if (known) return known;
  const client = createQueryClient();
  const fetchedAt = Date.now();
  if (!seedFirstPage(client, query, { body, endMs, fetchedAt })) return null;
  const environment = { viewerZone, storedTheme, server, origin };
  // The components' computed stylesheets (page-styles.ts), in the order they rendered.
  const styles = new Set<string>();
  try {
    const html = renderToString(
      <PageStylesContext value={(css) => styles.add(css)}>
        <AppProviders client={client} environment={environment} prerendering>
          <StaticRouter location={pathname + search}>
            <AppRoutes />
          </StaticRouter>
        </AppProviders>
      </PageStylesContext>,
    );
    const boot = { environment, apiQuery: bootApiQuery(apiQuery, body), body, endMs, fetchedAt };
    const result = { html, boot, css: [...styles].join('\n') };
    renders.remember(renderKey, body, result);
    return result;
  } finally {
    client.clear();
  }
};
