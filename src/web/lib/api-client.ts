import type { z } from '../../contract/zod.ts';
import { apiErrorBodySchema } from '../../contract/api.ts';

/** A failed `/api` call, carrying the server's error code and message for the UI. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly param: string | undefined;

  constructor(options: {
    code: string;
    message: string;
    status: number;
    retryAfterSeconds?: number | undefined;
    param?: string | undefined;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.param = options.param;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type ApiGetOptions = {
  params?: URLSearchParams | Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Ask the server for a fresh answer (`Cache-Control: no-cache`): it skips its cache. */
  fresh?: boolean;
};

function toQuery(params: ApiGetOptions['params']): string {
  if (!params) return '';
  const query =
    params instanceof URLSearchParams
      ? params
      : new URLSearchParams(
          Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
        );
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The one fetcher of the browser: same-origin `/api` only, parses the reply with a schema and
 * throws a typed `ApiError` for anything else. No retries or toasts here: callers decide.
 */
export async function apiGet<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: ApiGetOptions = {},
): Promise<z.output<S>> {
  if (!path.startsWith('/api/')) throw new Error(`apiGet is for /api paths only, not ${path}`);
  return exchange(
    path,
    `${path}${toQuery(options.params)}`,
    {
      headers: {
        accept: 'application/json',
        ...(options.fresh ? { 'cache-control': 'no-cache' } : {}),
      },
      ...(options.signal ? { signal: options.signal } : {}),
    },
    schema,
  );
}

/**
 * `apiGet`'s twin for the few `/api` calls that create something (`POST /api/links`): JSON in,
 * a parsed reply or a typed `ApiError` out.
 */
export async function apiPost<S extends z.ZodMiniType>(
  path: string,
  body: unknown,
  schema: S,
): Promise<z.output<S>> {
  if (!path.startsWith('/api/')) throw new Error(`apiPost is for /api paths only, not ${path}`);
  return exchange(
    path,
    path,
    {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    schema,
  );
}

/** One request to the server: a network failure, an error reply or an unreadable one is an `ApiError`. */
async function exchange<S extends z.ZodMiniType>(
  path: string,
  url: string,
  init: RequestInit,
  schema: S,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({
      code: 'network',
      message: 'The dashboard server could not be reached. Check your connection.',
      status: 0,
    });
  }
  const reply: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFrom(response, reply);
  const parsed = schema.safeParse(reply);
  if (!parsed.success) {
    throw new ApiError({
      code: 'bad_reply',
      message: `The dashboard server sent a reply this page cannot read (${path}).`,
      status: response.status,
    });
  }
  return parsed.data;
}

function errorFrom(response: Response, body: unknown): ApiError {
  const parsed = apiErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, retryAfterSeconds, param } = parsed.data.error;
    const header = Number(response.headers.get('retry-after'));
    return new ApiError({
      code,
      message,
      status: response.status,
      retryAfterSeconds:
        retryAfterSeconds ?? (Number.isFinite(header) && header > 0 ? header : undefined),
      param,
    });
  }
  return new ApiError({
    code: 'http_error',
    message: `The dashboard server answered ${response.status} ${response.statusText}.`.trim(),
    status: response.status,
  });
}
