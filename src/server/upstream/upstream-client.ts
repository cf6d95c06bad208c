import { credentialRedactor, type Redactor } from './redact-credentials.ts';
import { parseRetryAfter } from './retry-after.ts';

/**
 * The only code that talks to Plivo (or the simulator). URLs are built from the configured
 * base, the validated Auth ID and a validated session uuid, never from the incoming request
 * path; no incoming header is forwarded. Every call has a deadline covering connection,
 * headers and body, so a stuck upstream cannot hang a request.
 */
export type UpstreamTarget = { baseUrl: string; authId: string; authToken: string };

export type UpstreamReply =
  | { kind: 'ok'; json: unknown }
  | {
      kind: 'http_error';
      status: number;
      message: string | null;
      /** The reply's `Retry-After` in seconds (a 429 may carry it), null when absent. */
      retryAfterSeconds: number | null;
    }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'bad_reply'; detail: string };

export type UpstreamClient = {
  list(query: URLSearchParams): Promise<UpstreamReply>;
  retrieve(sessionUuid: string): Promise<UpstreamReply>;
  /** Plivo's Subaccount list (an account API, outside the Verify list budget). */
  subaccounts(offset: number): Promise<UpstreamReply>;
  /** Any HTTP answer from the base URL counts as reachable; spends no Verify budget. */
  probe(timeoutMs: number): Promise<boolean>;
  readonly host: string;
};

const AUTH_ID = /^[A-Za-z0-9]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REPLY_BYTES = 5 * 1024 * 1024;
/** How much of Plivo's error text reaches a message: one short line. */
const MAX_ERROR_CHARS = 200;

export function createUpstreamClient(
  target: UpstreamTarget,
  options: { timeoutMs: number; userAgent: string },
): UpstreamClient {
  if (!AUTH_ID.test(target.authId))
    throw new Error('The upstream Auth ID has unexpected characters');
  const base = new URL(target.baseUrl);
  const sessionsUrl = new URL(
    `${base.pathname.replace(/\/+$/, '')}/v1/Account/${target.authId}/Verify/Session/`,
    base,
  );
  const authorization = `Basic ${Buffer.from(`${target.authId}:${target.authToken}`).toString('base64')}`;
  const headers = { authorization, accept: 'application/json', 'user-agent': options.userAgent };
  // An upstream that quotes the token or the header back in an error must not make us repeat it.
  const redact = credentialRedactor(target);
  const call = (url: URL) => fetchJson(url, headers, options.timeoutMs, redact);
  return {
    host: base.host,
    list(query) {
      const url = new URL(sessionsUrl);
      url.search = query.toString();
      return call(url);
    },
    retrieve(sessionUuid) {
      if (!UUID.test(sessionUuid)) throw new Error('retrieve() needs a validated session uuid');
      return call(new URL(`${sessionUuid.toLowerCase()}/`, sessionsUrl));
    },
    subaccounts(offset) {
      const url = new URL(
        `${base.pathname.replace(/\/+$/, '')}/v1/Account/${target.authId}/Subaccount/`,
        base,
      );
      url.search = new URLSearchParams({ limit: '20', offset: String(offset) }).toString();
      return call(url);
    },
    async probe(timeoutMs) {
      try {
        const response = await fetch(base, {
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'manual',
        });
        await response.body?.cancel();
        return true;
      } catch {
        return false;
      }
    },
  };
}

async function fetchJson(
  url: URL,
  headers: Record<string, string>,
  timeoutMs: number,
  redact: Redactor,
): Promise<UpstreamReply> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    // Redirects are not followed: they would be a way to send the credentials elsewhere.
    response = await fetch(url, { headers, signal, redirect: 'manual' });
  } catch (error) {
    if (signal.aborted) return { kind: 'timeout', timeoutMs };
    return { kind: 'unreachable', detail: networkDetail(error) };
  }
  let text: string | null;
  try {
    text = await readCapped(response);
  } catch (error) {
    if (signal.aborted) return { kind: 'timeout', timeoutMs };
    return { kind: 'bad_reply', detail: `the reply was cut off (${networkDetail(error)})` };
  }
  if (text === null) {
    // A page of 20 sessions is tens of kilobytes: a reply this large is not one to hold.
    return { kind: 'bad_reply', detail: 'the reply is larger than 5 MB' };
  }
  const json = parseJson(text);
  if (response.status >= 200 && response.status < 300) {
    return json.ok
      ? { kind: 'ok', json: json.value }
      : { kind: 'bad_reply', detail: 'the reply is not JSON' };
  }
  return {
    kind: 'http_error',
    status: response.status,
    message: json.ok ? errorText(json.value, redact) : null,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
  };
}

/** The body as text, or null (and the rest left unread) once it passes MAX_REPLY_BYTES. */
async function readCapped(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REPLY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Plivo's `{"error": "…"}` text, trimmed to one short printable line. Credentials are removed
 * as the text is cut, from the text as sent: cutting or cleaning it first could leave a piece
 * of the token that no longer reads as one.
 */
function errorText(body: unknown, redact: Redactor): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = body.error;
  const text = typeof error === 'string' ? error : JSON.stringify(error);
  return redact(text, MAX_ERROR_CHARS).replace(/[^\x20-\x7e]/g, ' ');
}

/** The network error code (ECONNREFUSED, ENOTFOUND…) without URLs or headers. */
function networkDetail(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (error instanceof Error && error.message.length < 100) return error.message;
  return 'network error';
}
