import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { createShortLink } from './short-link.ts';

afterEach(() => vi.unstubAllGlobals());

describe('createShortLink', () => {
  it('sends the view’s path and query as JSON and answers the absolute short link', async () => {
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () =>
      Response.json({ url: '/l/AAAAAAAAAAAAAAAAAAAAAA' }, { status: 201 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const link = await createShortLink('https://dash.example/?status=expired&from=a#x');
    expect(link).toBe('https://dash.example/l/AAAAAAAAAAAAAAAAAAAAAA');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/links');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ url: '/?status=expired&from=a' });
  });

  it('throws the server’s reason as an ApiError', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json(
        { error: { code: 'unavailable', message: 'Short links are off on this server: x.' } },
        { status: 503 },
      ),
    );
    const error = await createShortLink('https://dash.example/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unavailable', status: 503 });
  });
});
