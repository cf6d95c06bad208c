import type { Context } from 'hono';
import { auditEventSchema } from '../../contract/audit-event.ts';
import { isIndexFilterParam } from '../../contract/index-filters.ts';
import { isListFilterParam } from '../../contract/list-filters.ts';
import { parseSessionQuery } from '../../contract/session-query.ts';
import { failureResponse } from './api-errors.ts';
import type { AppEnv } from './app-env.ts';
import type { AuditLog } from '../access/audit-log.ts';
import { viewerOf } from '../access/viewer.ts';

const MAX_BODY = 4096;

/**
 * `POST /api/audit`: the browser reports what it does with data it already holds — an export
 * (built in the browser) or an unmask. Same-origin JSON only: a cross-site form cannot send
 * `application/json`, and a cross-site fetch would carry a foreign Origin. Answers 204 whether
 * or not AUDIT_LOG is set, so the app never has to know.
 */
export async function auditRoute(c: Context<AppEnv>, audit: AuditLog | null): Promise<Response> {
  c.set('route', '/api/audit');
  if (!sameOrigin(c) || !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    return failureResponse(c, {
      code: 'bad_parameter',
      message: 'The audit endpoint takes JSON from the dashboard’s own pages only.',
    });
  }
  const text = await c.req.text();
  const parsed = text.length <= MAX_BODY ? auditEventSchema.safeParse(safeJson(text)) : null;
  // The explorer's filters, Plivo's and the index's alike; anything else is not a filter.
  const known = Object.entries(parsed?.data?.filters ?? {}).filter(
    ([k]) => (isListFilterParam(k) && k !== 'limit' && k !== 'offset') || isIndexFilterParam(k),
  );
  const filters = parseSessionQuery(known);
  if (!parsed?.success || !filters.ok) {
    return failureResponse(c, {
      code: 'bad_parameter',
      message: 'An audit event is {action, rows, filters[, format, granularity]}.',
    });
  }
  const { action, rows, format, granularity } = parsed.data;
  await audit?.record({
    user: viewerOf(c).user,
    action,
    filters: audit.filters(filters.query.filters, filters.query.index),
    rows,
    ...(format ? { format } : {}),
    ...(granularity ? { granularity } : {}),
  });
  c.header('Cache-Control', 'no-store');
  return c.body(null, 204);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The browser's own word (Sec-Fetch-Site), else an Origin naming this host; one is needed. */
function sameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin || !URL.canParse(origin)) return false;
  return new URL(origin).host === c.req.header('host');
}
