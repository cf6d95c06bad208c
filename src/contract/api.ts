import { z } from './zod.ts';
import { sessionSchema } from './session.ts';

/** Error codes of the dashboard's `/api`; each has its own message in the UI. */
export const API_ERROR_CODES = [
  'bad_parameter',
  'not_found',
  'unauthorised',
  'cross_site',
  'upstream_auth',
  'rate_limited',
  'upstream_timeout',
  'upstream_unreachable',
  'upstream_bad_reply',
  'upstream_error',
  'method_not_allowed',
  /** An index-only filter or aggregate asked for a window the index does not cover. */
  'not_indexed',
  /** A part of the dashboard that is off or cannot run here (e.g. short links without DATA_DIR). */
  'unavailable',
  /** Replicas on PostgreSQL (DATABASE_URL): it cannot be reached right now. */
  'database_unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
    param: z.optional(z.string()),
  }),
});
type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export function apiErrorBody(
  code: ApiErrorCode,
  message: string,
  extra: { retryAfterSeconds?: number; param?: string } = {},
): ApiErrorBody {
  return { error: { code, message, ...extra } };
}

/** `GET /api/sessions`: one page, with the offset of the next page instead of Plivo's URL. */
export const sessionsPageSchema = z.object({
  sessions: z.array(sessionSchema),
  page: z.object({
    limit: z.int(),
    offset: z.int(),
    nextOffset: z.nullable(z.int()),
  }),
  /** Upstream entries that could not be read; shown, never silently dropped. */
  problems: z.array(z.string()),
  /** When the server fetched this page from upstream (ISO UTC): "data as of". */
  fetchedAt: z.string(),
  /**
   * Who answered: the session index (with an exact `total` of matching sessions, which
   * Plivo never gives) or Plivo itself (`total` null). Absent means Plivo.
   */
  meta: z.optional(z.object({ source: z.enum(['index', 'plivo']), total: z.nullable(z.int()) })),
  /**
   * Present when the server masked this reply (a masked-only viewer, or a pre-rendered `mask=1`
   * page): the browser must fetch again before it can show full numbers.
   */
  masked: z.optional(z.literal(true)),
});
export type SessionsPage = z.infer<typeof sessionsPageSchema>;

/** `GET /api/sessions/:uuid`: the normalised session plus Plivo's JSON for the raw view. */
export const sessionDetailSchema = z.object({
  session: sessionSchema,
  raw: z.unknown(),
  fetchedAt: z.string(),
  /** Present when the server masked this reply (a masked-only viewer). */
  masked: z.optional(z.literal(true)),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const healthSchema = z.object({
  mode: z.enum(['simulator', 'plivo']),
  upstreamReachable: z.boolean(),
  budget: z.object({ perMinute: z.number(), remaining: z.number(), queued: z.number() }),
  version: z.string(),
  /** Who is asking: a masked-only viewer gets masked replies and no way to unmask. */
  viewer: z.object({ maskedOnly: z.boolean() }),
  /**
   * Replicas on PostgreSQL (DATABASE_URL) only: whether it answers now, and whether this
   * replica is the one syncing the index.
   */
  database: z.optional(
    z.object({ engine: z.literal('postgresql'), reachable: z.boolean(), syncing: z.boolean() }),
  ),
  /**
   * DEFAULT_COUNTRY (ISO 3166 alpha-2): numbers typed in national format are read in it. Absent
   * from an older server's reply.
   */
  defaultCountry: z.optional(z.nullable(z.string())),
});
export type Health = z.infer<typeof healthSchema>;
