import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { rawGet, rawRequest, startDashboard, type TestDashboard } from '../testing/harness.ts';

const UUID = '4124e518-a8c9-4feb-8cff-d86636ba9234';
let upstream: FakeUpstream;
let dash: TestDashboard;

beforeAll(async () => {
  // Anything reaching it would be a bug: it answers like a real Plivo to make leaks visible.
  upstream = await startFakeUpstream(() => ({ json: { meta: {}, sessions: [] } }));
  dash = await startDashboard({}, upstream);
});
afterAll(async () => {
  await dash.close();
  await upstream.close();
});
afterEach(() => {
  // A hook cannot hold an expect: it throws, which fails the test that just ran.
  if (upstream.calls() > 0)
    throw new Error(`hostile input reached the upstream ${upstream.calls()} times`);
});

describe('hostile request targets get 4xx and never reach the upstream', () => {
  const targets = [
    '/api/sessions/..%2f..%2fMessage',
    '/api/sessions/..%2F..%2F..%2Fv1%2FAccount%2F',
    '/api/../v1/Account/',
    '/api/sessions/../../v1/Account/MAODZKMDFJMJU3MTEYNG/Message/',
    '/api/%2e%2e/v1/Account/',
    '/api//sessions',
    '/api/sessions/%00',
    '/api/sessions/4124e518-a8c9-4feb-8cff-d86636ba9234%0d%0aX-Injected:%201',
    '/api/sessions?recipient=%2B1415%0d%0aX-Injected:%201',
    '/api/sessions/https:%2F%2Fevil.example%2F',
    '/api/sessions?url=https://evil.example/',
    `/api/sessions/${UUID}?next=http://evil.example/`,
    '/api/sessions?limit=501',
    '/api/sessions?offset=-1',
    '/api/sessions?session_time__gt=yesterday',
    '/api/sessions?status=verified&status=expired',
    '/api/v1/Account/MAODZKMDFJMJU3MTEYNG/Verify/Session/',
    '/v1/Account/MAODZKMDFJMJU3MTEYNG/Verify/Session/',
    '/..%2f..%2fetc/passwd',
    '/assets/../../package.json',
  ];
  it.each(targets)('%s', async (target) => {
    const reply = await rawGet(dash.url, target);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.head).not.toMatch(/x-injected/i);
  });

  it.each([
    ['a 10 kB parameter value', `/api/sessions?alias=${'a'.repeat(10_000)}`],
    ['a 10 kB parameter name', `/api/sessions?${'x'.repeat(10_000)}=1`],
    ['a 10 kB session id', `/api/sessions/${'a'.repeat(10_000)}`],
  ])('%s', async (_label, target) => {
    const reply = await rawGet(dash.url, target);
    expect([400, 414, 431]).toContain(reply.status);
  });

  it('refuses absolute-form targets: the server is not a forward proxy', async () => {
    for (const target of [
      `${upstream.url}/v1/Account/MAODZKMDFJMJU3MTEYNG/Verify/Session/`,
      'http://evil.example/api/sessions',
    ]) {
      const reply = await rawGet(dash.url, target);
      expect(reply.status).toBe(400);
    }
  });

  it('answers bad parameters with which one and why', async () => {
    const reply = await fetch(`${dash.url}/api/sessions?alias=${'a'.repeat(300)}`);
    expect(reply.status).toBe(400);
    expect(await reply.json()).toEqual({
      error: {
        code: 'bad_parameter',
        param: 'alias',
        message: 'alias must be at most 200 characters',
      },
    });
  });

  it('rejects a raw CR/LF in the request line at the HTTP parser', async () => {
    const reply = await rawRequest(
      dash.url,
      'GET /api/sessions?a=1\r\nX-Injected: 1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    );
    expect(reply.status).toBe(400);
  });
});

describe('methods other than GET', () => {
  const methods = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  it.each(methods)('%s /api/sessions is 405 with Allow: GET and a reason', async (method) => {
    const response = await fetch(`${dash.url}/api/sessions`, {
      method,
      ...(['POST', 'PUT', 'PATCH'].includes(method) ? { body: '{}' } : {}),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('HEAD /api/sessions is 405 too: it would spend the budget for no body', async () => {
    const response = await fetch(`${dash.url}/api/sessions`, { method: 'HEAD' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it.each(['POST', 'DELETE'])('%s on an app path is 405', async (method) => {
    const response = await fetch(`${dash.url}/sessions/${UUID}`, { method });
    expect(response.status).toBe(405);
  });

  it('sends no CORS permission to other origins', async () => {
    const response = await fetch(`${dash.url}/api/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown API paths with JSON 404, never the app', async () => {
    const response = await fetch(`${dash.url}/api/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
