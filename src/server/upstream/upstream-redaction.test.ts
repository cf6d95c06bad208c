// The upstream client never repeats the Auth Token: an upstream that quotes it back in an
// error has it replaced before the reply reaches a log line or an /api error.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { createUpstreamClient } from './upstream-client.ts';

const AUTH_ID = 'MAODZKMDFJMJU3MTEYNG';
const TOKEN = 'tok-SECRET-1234567890';
const upstreams: FakeUpstream[] = [];
afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((u) => u.close()));
});

async function clientAnswering(status: number, json: unknown) {
  const upstream = await startFakeUpstream(() => ({ status, json }));
  upstreams.push(upstream);
  const client = createUpstreamClient(
    { baseUrl: upstream.url, authId: AUTH_ID, authToken: TOKEN },
    { timeoutMs: 5_000, userAgent: 'test-agent' },
  );
  return { upstream, client };
}

describe('credential redaction in upstream replies', () => {
  it('replaces every quote of the token in an error message', async () => {
    const { client } = await clientAnswering(401, {
      error: `token ${TOKEN} is not valid for ${AUTH_ID}; got "${TOKEN}"`,
    });
    const reply = await client.list(new URLSearchParams());
    expect(reply).toEqual({
      kind: 'http_error',
      status: 401,
      message: `token [redacted] is not valid for ${AUTH_ID}; got "[redacted]"`,
      retryAfterSeconds: null,
    });
  });

  it('redacts on retrieve as on list', async () => {
    const { client } = await clientAnswering(500, { error: TOKEN });
    const reply = await client.retrieve('5c533d15-1975-4f20-80be-401741420370');
    expect(reply).toEqual({
      kind: 'http_error',
      status: 500,
      message: '[redacted]',
      retryAfterSeconds: null,
    });
  });

  it('leaves other error messages and successful replies exactly as they came', async () => {
    const { client } = await clientAnswering(400, { error: 'invalid filter' });
    expect(await client.list(new URLSearchParams())).toEqual({
      kind: 'http_error',
      status: 400,
      message: 'invalid filter',
      retryAfterSeconds: null,
    });
    const unreadable = await clientAnswering(502, undefined);
    expect(await unreadable.client.list(new URLSearchParams())).toEqual({
      kind: 'http_error',
      status: 502,
      message: null,
      retryAfterSeconds: null,
    });
    const ok = await clientAnswering(200, { sessions: [], note: 'ok' });
    expect(await ok.client.list(new URLSearchParams())).toEqual({
      kind: 'ok',
      json: { sessions: [], note: 'ok' },
    });
  });

  it('sends the credentials only as Basic auth, with the agent and JSON accepted', async () => {
    const { client, upstream } = await clientAnswering(200, { sessions: [] });
    await client.list(new URLSearchParams({ status: 'expired' }));
    const [request] = upstream.requests;
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${AUTH_ID}:${TOKEN}`).toString('base64')}`,
    );
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('test-agent');
    expect(request?.path).toBe(`/v1/Account/${AUTH_ID}/Verify/Session/`);
    expect(request?.query.get('status')).toBe('expired');
    expect(JSON.stringify(request?.query)).not.toContain(TOKEN);
  });
});
