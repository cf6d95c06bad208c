import type { Context, MiddlewareHandler } from 'hono';
import { failureResponse } from '../http/api-errors.ts';
import type { AppEnv } from '../http/app-env.ts';

/**
 * Refuses requests another site makes the browser send, before they cost anything: an
 * `<img src=…/api/sessions?…>` on any page would otherwise spend the shared upstream budget
 * (and, behind sign-in, ride on the visitor's credentials). Let through:
 * - requests without Sec-Fetch-Site or Origin: curl, scripts, monitoring;
 * - same-origin requests, and `none` (typed or bookmarked URLs);
 * - top-level GET navigations to pages, from anywhere: a link in a ticket must open the
 *   dashboard, pre-rendered. Not to `/api`: the app itself only fetches it same-origin.
 * Everything else cross-site, or same-site (a sibling subdomain is another site's code), is
 * refused with a 403: for /api a JSON error, for pages plain text. Pages are refused rather
 * than served plain because nothing of ours is meant to be embedded elsewhere (the security
 * headers already forbid framing and cross-origin use of the response), and a refusal
 * can never reach the pre-render.
 */
export function crossSiteGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!fromAnotherSite(c)) return next();
    const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
    if (!api && isTopLevelNavigation(c)) return next();
    c.set('route', 'cross-site');
    const message = 'This dashboard does not answer requests made by another site.';
    if (api) return failureResponse(c, { code: 'cross_site', message });
    c.header('Cache-Control', 'no-store');
    return c.text(message, 403);
  };
}

function fromAnotherSite(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  // Browsers without Fetch Metadata still send Origin on cross-origin fetches; "null"
  // (sandboxed frames, file: pages) is never ours.
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  const from = URL.canParse(origin) ? new URL(origin).hostname : null;
  const host = `http://${c.req.header('host') ?? ''}`;
  return from === null || !URL.canParse(host) || from !== new URL(host).hostname;
}

function isTopLevelNavigation(c: Context<AppEnv>): boolean {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    c.req.header('sec-fetch-mode') === 'navigate' &&
    c.req.header('sec-fetch-dest') === 'document'
  );
}
