import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../contract/api.ts';
import { startFakeUpstream, type FakeReply } from '../testing/fake-upstream.ts';
import { startDashboard } from '../testing/harness.ts';
import { session, UUID } from '../testing/payloads.ts';
import { proxySuite } from '../testing/proxy-suite.ts';

// A timeout well above what a loopback reply takes on a busy machine, well below the test's.
const { upstream, getJson } = proxySuite({ UPSTREAM_TIMEOUT_MS: '1000' });

describe('a specific error for each failure', () => {
  const cases: [string, FakeReply, number, string, RegExp][] = [
    [
      'rejected credentials',
      { status: 401, json: { error: 'authentication credentials were not provided' } },
      502,
      'upstream_auth',
      /rejected the dashboard server's credentials.*PLIVO_AUTH_TOKEN/,
    ],
    [
      'forbidden',
      { status: 403, json: { error: 'forbidden' } },
      502,
      'upstream_auth',
      /credentials/,
    ],
    [
      'a 5xx',
      { status: 503, json: { error: 'service unavailable' } },
      502,
      'upstream_error',
      /HTTP 503: "service unavailable"/,
    ],
    ['an unexpected status', { status: 418, body: '' }, 502, 'upstream_error', /HTTP 418/],
    [
      'a redirect (never followed)',
      { status: 302, headers: { location: 'http://evil.example/' } },
      502,
      'upstream_error',
      /HTTP 302/,
    ],
    [
      'a bad parameter',
      { status: 400, json: { error: 'invalid status' } },
      400,
      'bad_parameter',
      /rejected the request: "invalid status"/,
    ],
    ['a non-JSON reply', { body: '<html>gateway</html>' }, 502, 'upstream_bad_reply', /not JSON/],
    [
      'JSON of the wrong shape',
      { json: { sessions: 'many' } },
      502,
      'upstream_bad_reply',
      /not a Verify session list/,
    ],
    [
      'a reset connection',
      { reset: true },
      502,
      'upstream_unreachable',
      /could not be reached at 127\.0\.0\.1:\d+ \(/,
    ],
    ['a reply cut off', { cut: true }, 502, 'upstream_bad_reply', /cut off/],
    [
      // Valid JSON of a valid (empty) list: only the size cap refuses it.
      'a reply over 5 MB',
      {
        json: {
          sessions: [],
          meta: { limit: 20, offset: 0, next: null },
          pad: 'x'.repeat(5_300_000),
        },
      },
      502,
      'upstream_bad_reply',
      /cannot read: the reply is larger than 5 MB\./,
    ],
    [
      'no answer in time',
      { delayMs: 4_000, json: {} },
      504,
      'upstream_timeout',
      /did not answer within 1 s/,
    ],
    ['a body that never ends', { stall: true }, 504, 'upstream_timeout', /did not answer/],
  ];
  it.each(cases)('%s', async (_name, reply, status, code, message) => {
    upstream().handle(() => reply);
    const started = Date.now();
    const { response, json } = await getJson('/api/sessions?alias=e');
    expect(response.status).toBe(status);
    const body = apiErrorBodySchema.parse(json);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says which session is not found', async () => {
    upstream().handle(() => ({ status: 404, json: { error: 'not found' } }));
    const { response, json } = await getJson(`/api/sessions/${UUID}`);
    expect(response.status).toBe(404);
    expect(apiErrorBodySchema.parse(json).error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(UUID),
    });
  });

  it('refuses a retrieve reply about another session', async () => {
    upstream().handle(() => ({ json: session('11111111-2222-4333-8444-555555555555') }));
    const { json } = await getJson(`/api/sessions/${UUID}`);
    expect(apiErrorBodySchema.parse(json).error.code).toBe('upstream_bad_reply');
  });

  it('reports a refused port as unreachable', async () => {
    const gone = await startFakeUpstream();
    await gone.close();
    const lonely = await startDashboard({ PLIVO_API_URL: gone.url }, upstream());
    try {
      const response = await fetch(`${lonely.url}/api/sessions`);
      const body = apiErrorBodySchema.parse(await response.json());
      expect(body.error).toMatchObject({
        code: 'upstream_unreachable',
        message: expect.stringContaining('ECONNREFUSED'),
      });
      const health = (await (await fetch(`${lonely.url}/api/health`)).json()) as {
        upstreamReachable: boolean;
      };
      expect(health.upstreamReachable).toBe(false);
    } finally {
      await lonely.close();
    }
  });

  it('names the bad parameter and its rule without calling upstream', async () => {
    const { response, json } = await getJson('/api/sessions?status=lost');
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(json).error).toEqual({
      code: 'bad_parameter',
      param: 'status',
      message: 'status must be one of in-progress, verified, expired',
    });
    const unknown = apiErrorBodySchema.parse((await getJson('/api/sessions?stauts=verified')).json);
    expect(unknown.error).toMatchObject({ param: 'stauts', message: 'stauts is not a filter' });
    expect(upstream().calls()).toBe(0);
  });
});
