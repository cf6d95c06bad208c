import { afterEach, describe, expect, it, vi } from 'vitest';
import { healthSchema } from '../../contract/api.ts';
import { ApiError, apiGet } from './api-client.ts';

const health = {
  mode: 'simulator',
  upstreamReachable: true,
  budget: { perMinute: 20, remaining: 20, queued: 0 },
  version: '1',
  viewer: { maskedOnly: false },
};

function stubFetch(reply: () => Promise<Response>) {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() => reply());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiGet', () => {
  it('asks past the server cache with fresh: true, and only then', async () => {
    const fetchMock = stubFetch(() => Promise.resolve(Response.json(health)));
    await apiGet('/api/health', healthSchema, { fresh: true });
    await apiGet('/api/health', healthSchema);
    const headers = fetchMock.mock.calls.map((c) => c[1]?.headers as Record<string, string>);
    expect(headers[0]?.['cache-control']).toBe('no-cache');
    expect(headers[1]).not.toHaveProperty('cache-control');
  });

  it('returns the parsed body and sends params and the abort signal', async () => {
    const fetchMock = stubFetch(() => Promise.resolve(Response.json(health)));
    const controller = new AbortController();
    const data = await apiGet('/api/health', healthSchema, {
      params: { a: '1 2', skip: undefined },
      signal: controller.signal,
    });
    expect(data).toEqual(health);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/health?a=1+2');
    expect(fetchMock.mock.calls[0]?.[1]?.signal).toBe(controller.signal);
  });

  it('turns an /api error body into a typed ApiError', async () => {
    stubFetch(() =>
      Promise.resolve(
        Response.json(
          {
            error: {
              code: 'bad_parameter',
              message: 'country must be two letters',
              param: 'country',
            },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await failure(apiGet('/api/health', healthSchema));
    expect(error).toMatchObject({
      code: 'bad_parameter',
      message: 'country must be two letters',
      param: 'country',
      status: 400,
    });
  });

  it('takes the wait from Retry-After when the body has none', async () => {
    stubFetch(() =>
      Promise.resolve(
        Response.json(
          { error: { code: 'rate_limited', message: 'wait' } },
          { status: 429, headers: { 'retry-after': '12' } },
        ),
      ),
    );
    expect(await failure(apiGet('/api/health', healthSchema))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 12,
    });
  });

  it.each([
    [
      'a non-JSON error page',
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      'http_error',
      'The dashboard server answered 502 Bad Gateway.',
    ],
    [
      'a reply of the wrong shape',
      () => Response.json({ mode: 'other' }),
      'bad_reply',
      'The dashboard server sent a reply this page cannot read (/api/health).',
    ],
  ])('explains %s', async (_what, reply, code, message) => {
    stubFetch(() => Promise.resolve(reply()));
    expect(await failure(apiGet('/api/health', healthSchema))).toMatchObject({ code, message });
  });

  it('explains a network failure without a stack trace', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(apiGet('/api/health', healthSchema))).toMatchObject({
      code: 'network',
      status: 0,
      message: 'The dashboard server could not be reached. Check your connection.',
    });
  });

  it('refuses anything but same-origin /api paths', async () => {
    await expect(apiGet('https://api.plivo.com/v1/', healthSchema)).rejects.toThrow(
      /\/api paths only/,
    );
  });
});
