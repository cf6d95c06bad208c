import type { Context } from 'hono';
import { apiErrorBody, type ApiErrorCode } from '../../contract/api.ts';

/** One failed `/api` answer: the contract's code, a message for people, and its extras. */
export type ApiFailure = {
  code: ApiErrorCode;
  message: string;
  retryAfterSeconds?: number;
  param?: string;
};

const STATUS: Record<ApiErrorCode, number> = {
  bad_parameter: 400,
  unauthorised: 401,
  cross_site: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_indexed: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  // The shared database is away: it comes back by itself, so "try later", not a failure.
  database_unavailable: 503,
  // The dashboard works; the upstream behind it failed: a gateway error, not the user's fault.
  upstream_auth: 502,
  upstream_error: 502,
  upstream_unreachable: 502,
  upstream_bad_reply: 502,
  upstream_timeout: 504,
};

export function failureResponse(c: Context, failure: ApiFailure): Response {
  const { code, message, retryAfterSeconds, param } = failure;
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  const extra = {
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(param !== undefined ? { param } : {}),
  };
  return c.json(apiErrorBody(code, message, extra), STATUS[code] as 400);
}
