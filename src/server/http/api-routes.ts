import { Hono, type Context } from 'hono';
import type { Health } from '../../contract/api.ts';
import { STATS_BUCKETS, type StatsBucket } from '../../contract/index-api.ts';
import { PLIVO_MAX_LIMIT, parseSessionQuery } from '../../contract/session-query.ts';
import type { FilterIssue } from '../../contract/list-filters.ts';
import type { IndexAnswers } from '../index/index-answers.ts';
import { BASELINES, type BaselineKind } from '../../contract/baselines.ts';
import { failureResponse } from './api-errors.ts';
import type { AppEnv } from './app-env.ts';
import type { AuditLog } from '../access/audit-log.ts';
import { auditRoute } from './audit-route.ts';
import type { Budget } from '../upstream/budget.ts';
import { maskedDetail, maskedPage } from '../access/mask-replies.ts';
import type { Reachability } from '../upstream/reachability.ts';
import type { ServiceResult, SessionsService } from '../upstream/sessions-service.ts';
import { viewerOf } from '../access/viewer.ts';
import { createLinkHandler } from '../links/link-routes.ts';
import type { LinkParts } from '../links/open-short-links.ts';

export type ApiDeps = {
  service: SessionsService;
  listBudget: Budget;
  reachability: Reachability;
  index: IndexAnswers;
  mode: 'plivo' | 'simulator';
  version: string;
  /** DEFAULT_COUNTRY, for the recipient box (numbers typed without a country code). */
  defaultCountry: string | null;
  /** AUDIT_LOG: null when off. */
  audit: AuditLog | null;
  /** Short links (`POST /api/links`); `links` null when off, with the reason. */
  links: LinkParts;
  log: (line: string) => void;
  /** DATABASE_URL: whether PostgreSQL answers; null on the embedded store. */
  database: { reachable(): Promise<boolean>; syncing(): boolean } | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/api`: the only routes that reach the upstream, each with validated input. */
export function apiRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  // HEAD would spend the upstream budget for a reply without a body: GET only, but for the
  // browser's audit reports and new short links.
  api.post('/audit', (c) => auditRoute(c, deps.audit));
  api.post('/links', createLinkHandler(deps.links, deps.log));
  api.use('*', async (c, next) => {
    if (c.req.method === 'GET') return next();
    c.set('route', '/api/*');
    c.header('Allow', 'GET');
    return failureResponse(c, {
      code: 'method_not_allowed',
      message: `The dashboard API answers GET only, not ${c.req.method.slice(0, 10)}.`,
    });
  });

  api.get('/health', async (c) => {
    c.set('route', '/api/health');
    const health: Health = {
      mode: deps.mode,
      upstreamReachable: await deps.reachability.check(),
      budget: toHealthBudget(deps.listBudget),
      version: deps.version,
      viewer: { maskedOnly: viewerOf(c).maskedOnly },
      ...(deps.database
        ? {
            database: {
              engine: 'postgresql',
              reachable: await deps.database.reachable(),
              syncing: deps.database.syncing(),
            },
          }
        : {}),
      defaultCountry: deps.defaultCountry,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(health);
  });

  api.get('/index', (c) => {
    c.set('route', '/api/index');
    c.header('Cache-Control', 'no-store');
    return c.json(deps.index.status());
  });

  api.get('/sessions', async (c) => {
    c.set('route', '/api/sessions');
    const parsed = parseSessionQuery(new URL(c.req.url).searchParams.entries());
    if (!parsed.ok) return badParameters(c, parsed.issues);
    const { query } = parsed;
    const viewer = viewerOf(c);
    const decision = await deps.index.list(query);
    if (decision.by === 'refused') {
      return failureResponse(c, {
        code: 'not_indexed',
        message: decision.message,
        ...(decision.param ? { param: decision.param } : {}),
      });
    }
    const lookup = async (rows: number) => {
      if (!deps.audit || !(query.filters.recipient || query.index.recipient_contains)) return;
      const filters = deps.audit.filters(query.filters, query.index);
      await deps.audit.record({ user: viewer.user, action: 'lookup', filters, rows });
    };
    if (decision.by === 'index') {
      await lookup(decision.page.sessions.length);
      c.header('X-Source', 'index');
      c.header('Cache-Control', 'private, no-store');
      return c.json(viewer.maskedOnly ? maskedPage(decision.page) : decision.page);
    }
    // Plivo pages 20 at most; a bigger limit (meant for the index) is cut to that.
    const limit = Math.min(query.limit, PLIVO_MAX_LIMIT);
    // Plivo's default is 20: leaving it out keeps one cache entry for "no limit" and "20".
    const filters = limit === PLIVO_MAX_LIMIT ? query.filters : { ...query.filters, limit };
    const result = await deps.service.list(filters, wantsFresh(c) || query.source === 'plivo');
    if (result.outcome.ok) await lookup(result.outcome.value.sessions.length);
    return reply(c, result, viewer.maskedOnly ? maskedPage : null);
  });

  api.get('/stats', async (c) => {
    c.set('route', '/api/stats');
    const params = new URL(c.req.url).searchParams;
    const parsed = parseSessionQuery(params.entries(), ['bucket']);
    const bucket = params.get('bucket') ?? 'auto';
    const issues = parsed.ok ? [] : [...parsed.issues];
    if (!(STATS_BUCKETS as readonly string[]).includes(bucket)) {
      issues.push({
        param: 'bucket',
        message: `bucket must be one of ${STATS_BUCKETS.join(', ')}`,
      });
    }
    if (!parsed.ok || issues.length) return badParameters(c, issues);
    const decision = await deps.index.stats(parsed.query, bucket as StatsBucket);
    c.header('Cache-Control', 'private, no-store');
    if (decision.by === 'refused') {
      return failureResponse(c, { code: 'not_indexed', message: decision.message });
    }
    return c.json(decision.stats);
  });

  api.get('/changes', async (c) => {
    c.set('route', '/api/changes');
    const params = new URL(c.req.url).searchParams;
    const parsed = parseSessionQuery(params.entries(), ['baseline']);
    const baseline = params.get('baseline') ?? 'previous';
    const issues = parsed.ok ? [] : [...parsed.issues];
    if (!(BASELINES as readonly string[]).includes(baseline)) {
      issues.push({
        param: 'baseline',
        message: `baseline must be one of ${BASELINES.join(', ')}`,
      });
    }
    if (!parsed.ok || issues.length) return badParameters(c, issues);
    const decision = await deps.index.changes(parsed.query, baseline as BaselineKind);
    c.header('Cache-Control', 'private, no-store');
    if (decision.by === 'refused') {
      return failureResponse(c, { code: 'not_indexed', message: decision.message });
    }
    return c.json(decision.changes);
  });

  api.get('/sessions/:uuid', async (c) => {
    c.set('route', '/api/sessions/:uuid');
    const uuid = c.req.param('uuid');
    if (!UUID.test(uuid)) {
      return failureResponse(c, {
        code: 'bad_parameter',
        param: 'session_uuid',
        message: 'session_uuid must be a session UUID like 3cdec449-a367-435e-b4f9-40d777a7cfcc',
      });
    }
    if (new URL(c.req.url).search) {
      return failureResponse(c, {
        code: 'bad_parameter',
        message: 'A single session takes no query parameters.',
      });
    }
    const result = await deps.service.retrieve(uuid, wantsFresh(c));
    if (result.outcome.ok && deps.audit) {
      const { recipient } = result.outcome.value.session;
      await deps.audit.record({
        user: viewerOf(c).user,
        action: 'session_view',
        filters: {
          session_uuid: uuid.toLowerCase(),
          ...(recipient ? { recipient: deps.audit.hash(recipient) } : {}),
        },
        rows: 1,
      });
    }
    return reply(c, result, viewerOf(c).maskedOnly ? maskedDetail : null);
  });

  api.all('*', (c) => {
    c.set('route', '/api/*');
    return failureResponse(c, {
      code: 'not_found',
      message:
        'No such API route: the dashboard API has /api/sessions, /api/sessions/:uuid, /api/stats, /api/changes, /api/index, /api/health, POST /api/audit and POST /api/links.',
    });
  });
  return api;
}

function badParameters(c: Context<AppEnv>, issues: readonly FilterIssue[]): Response {
  const first = issues[0];
  return failureResponse(c, {
    code: 'bad_parameter',
    message: issues.map((i) => i.message).join('; '),
    ...(first ? { param: first.param } : {}),
  });
}

function toHealthBudget(budget: Budget): Health['budget'] {
  const { perWindow, remaining, queued } = budget.state();
  return { perMinute: perWindow, remaining, queued };
}

function wantsFresh(c: Context<AppEnv>): boolean {
  const cacheControl = c.req.header('cache-control') ?? '';
  return (
    /\bno-cache\b|\bmax-age=0\b/i.test(cacheControl) ||
    /no-cache/i.test(c.req.header('pragma') ?? '')
  );
}

/** `mask`: for a masked-only viewer, the server's masking of the reply. */
function reply<T>(
  c: Context<AppEnv>,
  result: ServiceResult<T>,
  mask: ((value: T) => T) | null,
): Response {
  c.set('upstreamCalls', result.upstreamCalls);
  c.set('cache', result.cache);
  c.header('X-Cache', result.cache);
  if (result.waitedMs > 0) c.header('Server-Timing', `budget-wait;dur=${result.waitedMs}`);
  if (!result.outcome.ok) return failureResponse(c, result.outcome.failure);
  // Replies carry phone numbers: browsers must not keep them on disk.
  c.header('Cache-Control', 'private, no-store');
  const value = mask ? mask(result.outcome.value) : result.outcome.value;
  return c.json(value as object);
}
