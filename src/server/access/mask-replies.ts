import type { SessionDetail, SessionsPage } from '../../contract/api.ts';
import { maskRawJson, maskSession, maskText } from '../../contract/mask.ts';

/**
 * `/api` replies masked on the server, for masked-only viewers and pre-rendered `mask=1`
 * pages: the same masking the browser applies (src/contract/mask.ts), marked `masked` so the
 * browser knows it must fetch again to unmask. Memoised per cached reply object, so a link
 * opened by many people is masked once and the pre-render can reuse its render.
 */
const pages = new WeakMap<SessionsPage, SessionsPage>();
const details = new WeakMap<SessionDetail, SessionDetail>();

export function maskedPage(page: SessionsPage): SessionsPage {
  let masked = pages.get(page);
  if (!masked) {
    masked = {
      ...page,
      sessions: page.sessions.map(maskSession),
      problems: page.problems.map(maskText),
      masked: true,
    };
    pages.set(page, masked);
  }
  return masked;
}

export function maskedDetail(detail: SessionDetail): SessionDetail {
  let masked = details.get(detail);
  if (!masked) {
    masked = {
      ...detail,
      session: maskSession(detail.session),
      raw: maskRawJson(detail.raw, detail.session.recipient),
      masked: true,
    };
    details.set(detail, masked);
  }
  return masked;
}
