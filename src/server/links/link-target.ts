import { hasUnsafeChar } from '../http/security.ts';

/**
 * What a short link may stand for: a view of this app, as a same-origin path with its query.
 * Anything that could send a reader elsewhere (`//host`, a scheme, a backslash) or to a route
 * the app does not have is refused with the reason, so `/l/<id>` is never an open redirect.
 */
export const MAX_LINK_TARGET = 8192;
const SESSION_PATH = /^\/sessions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE = 'like /?status=expired&from=…';

type TargetCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkLinkTarget(value: unknown): TargetCheck {
  if (typeof value !== 'string' || value === '') {
    return { ok: false, message: `url must be a path of this dashboard, ${EXAMPLE}` };
  }
  if (value.length > MAX_LINK_TARGET) {
    return { ok: false, message: `url must be at most ${MAX_LINK_TARGET} characters` };
  }
  if (!value.startsWith('/') || value.startsWith('//')) {
    return {
      ok: false,
      message: `url must be a path on this dashboard starting with one /, ${EXAMPLE} (not another site)`,
    };
  }
  if (hasUnsafeChar(value) || /\s/.test(value)) {
    return { ok: false, message: 'url must not contain spaces, backslashes or control characters' };
  }
  if (value.includes('#')) return { ok: false, message: 'url must not carry a #fragment' };
  const queryAt = value.indexOf('?');
  const path = queryAt === -1 ? value : value.slice(0, queryAt);
  if (path !== '/' && !SESSION_PATH.test(path)) {
    return {
      ok: false,
      message: 'url must be a view of the explorer (/?…) or of one session (/sessions/<uuid>)',
    };
  }
  return { ok: true, url: value };
}

/** A masked-only viewer's link keeps `mask=1`: it must not hand out an unmasked view. */
export function withMask(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  if (params.getAll('mask').join() === '1') return url;
  params.set('mask', '1');
  return `${path}?${params.toString()}`;
}
