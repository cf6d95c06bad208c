import type { Context, Hono } from 'hono';
import { createShortLinkSchema } from '../../contract/short-link.ts';
import { failureResponse } from '../http/api-errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { viewerOf } from '../access/viewer.ts';
import { CreationLimit } from './creation-limit.ts';
import { linkPage, LINK_PAGE_STYLE_HASH, type LinkPageKind } from './link-page.ts';
import { checkLinkTarget, MAX_LINK_TARGET, withMask } from './link-target.ts';
import type { LinkParts } from './open-short-links.ts';

const MAX_BODY = MAX_LINK_TARGET + 512;

/**
 * `POST /api/links`: same-origin JSON only (like the audit endpoint: a cross-site form cannot
 * send `application/json`), behind the same sign-in and cross-site guard as all of `/api`.
 * The URL is never logged: a view may name a recipient.
 */
export function createLinkHandler(parts: LinkParts, log: (line: string) => void) {
  const limit = new CreationLimit();
  return async (c: Context<AppEnv>): Promise<Response> => {
    c.set('route', '/api/links');
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return failureResponse(c, {
        code: 'bad_parameter',
        message: 'POST /api/links takes JSON: {"url": "/?…"}.',
      });
    }
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY) return tooLong(c);
    const text = await c.req.text();
    if (text.length > MAX_BODY) return tooLong(c);
    const body = createShortLinkSchema.safeParse(safeJson(text));
    if (!body.success) {
      return failureResponse(c, {
        code: 'bad_parameter',
        param: 'url',
        message: 'The body must be {"url": "/?…"}: one field, url, a path of this dashboard.',
      });
    }
    const target = checkLinkTarget(body.data.url);
    if (!target.ok)
      return failureResponse(c, { code: 'bad_parameter', param: 'url', message: target.message });
    if (!parts.links) {
      return failureResponse(c, {
        code: 'unavailable',
        message: `Short links are off on this server: ${parts.offReason ?? 'not configured'}.`,
      });
    }
    const viewer = viewerOf(c);
    const wait = limit.take(viewer.user === 'anonymous' ? `@${clientKey(c)}` : viewer.user);
    if (wait > 0) {
      return failureResponse(c, {
        code: 'rate_limited',
        retryAfterSeconds: wait,
        message: `Too many short links made in a minute; try again in ${wait} s.`,
      });
    }
    const url = viewer.maskedOnly ? withMask(target.url) : target.url;
    let id: string;
    try {
      id = await parts.links.create(url);
    } catch (error) {
      log(`${new Date().toISOString()} short link not saved: ${errorCode(error)}`);
      return failureResponse(c, {
        code: 'unavailable',
        message: 'The short link could not be saved (the server’s log says why).',
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ url: `/l/${id}` }, 201);
  };
}

/** `GET /l/<id>`: a redirect to the stored view, or a page saying why there is none. */
export function mountLinkRedirects(app: Hono<AppEnv>, parts: LinkParts): void {
  app.on(['GET', 'HEAD'], '/l/:id', async (c) => {
    c.set('route', '/l/:id');
    c.header('Cache-Control', 'no-store');
    if (!parts.links) return page(c, 'off', null, 503);
    const ttlDays = parts.links.expiryDays;
    const found = await parts.links.resolve(c.req.param('id'));
    if (found.kind === 'found') {
      // A masked-only viewer lands on the masked view (the server masks their data anyway).
      return c.redirect(viewerOf(c).maskedOnly ? withMask(found.url) : found.url, 302);
    }
    return page(c, found.kind, ttlDays, found.kind === 'expired' ? 410 : 404);
  });
  // `/l`, `/l/` and deeper paths are mistyped short links too, not app routes.
  app.on(['GET', 'HEAD'], '/l/*', (c) => {
    c.set('route', '/l/:id');
    c.header('Cache-Control', 'no-store');
    return page(c, 'malformed', parts.links?.expiryDays ?? null, 404);
  });
}

function page(
  c: Context<AppEnv>,
  kind: LinkPageKind,
  ttlDays: number | null,
  status: 404 | 410 | 503,
): Response {
  c.set('styleHash', LINK_PAGE_STYLE_HASH);
  return c.html(linkPage(kind, { ttlDays }), status);
}

function tooLong(c: Context<AppEnv>): Response {
  return failureResponse(c, {
    code: 'bad_parameter',
    param: 'url',
    message: `url must be at most ${MAX_LINK_TARGET} characters`,
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function clientKey(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
}
