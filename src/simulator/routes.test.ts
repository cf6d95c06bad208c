import { describe, expect, it } from 'vitest';
import { basicAuth, listBody, testSimulator } from './test-support.ts';

const sim = testSimulator();
const retrievePath = (uuid: string, slash = '/') =>
  `/v1/Account/${sim.authId}/Verify/Session/${uuid}${slash}`;

async function firstSessionUuid(): Promise<string> {
  const body = await listBody(await sim.get(sim.listPath('limit=1')));
  const uuid = body.sessions?.[0]?.session_uuid;
  if (!uuid) throw new Error('no session in the last 24 hours');
  return uuid;
}

describe('paths and methods', () => {
  it('serves the list with and without the trailing slash', async () => {
    const withSlash = await sim.get(`/v1/Account/${sim.authId}/Verify/Session/`);
    const without = await sim.get(`/v1/Account/${sim.authId}/Verify/Session`);
    expect(withSlash.status).toBe(200);
    expect(without.status).toBe(200);
    expect((await listBody(without)).sessions?.length).toBe(20);
  });

  it('retrieves one session with and without the trailing slash, in UTC with an api_id', async () => {
    const uuid = await firstSessionUuid();
    for (const slash of ['/', '']) {
      const res = await sim.get(retrievePath(uuid, slash));
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.session_uuid).toBe(uuid);
      expect(body.api_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.created_at).toMatch(/Z$/);
    }
  });

  it('answers 404 "not found" for an unknown or malformed session uuid and unknown paths', async () => {
    const uuid = await firstSessionUuid();
    const unknown = `${uuid.slice(0, -4)}${uuid.endsWith('0000') ? '1111' : '0000'}`;
    for (const path of [
      retrievePath(unknown),
      retrievePath('not-a-uuid'),
      `/v1/Account/${sim.authId}/Verify/Nope/`,
    ]) {
      const res = await sim.get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ api_id: expect.any(String), error: 'not found' });
    }
  });

  it('answers 405 for other methods on both paths', async () => {
    const uuid = await firstSessionUuid();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of [sim.listPath(), retrievePath(uuid)]) {
        const res = await sim.app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(((await res.json()) as { error: string }).error).toBe('method not allowed');
      }
    }
  });

  it('gives every reply a fresh api_id and application/json', async () => {
    const replies = await Promise.all([
      sim.get(sim.listPath()),
      sim.get(sim.listPath()),
      sim.get(sim.listPath('limit=0')),
      sim.app.request(sim.listPath()),
    ]);
    const ids = new Set<string>();
    for (const res of replies) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      ids.add(((await res.json()) as { api_id: string }).api_id);
    }
    expect(ids.size).toBe(replies.length);
  });
});

describe('authentication', () => {
  const cases: [string, Record<string, string>][] = [
    ['no credentials', {}],
    ['a wrong token', { authorization: basicAuth(sim.authId, 'wrong-token') }],
    ['an unknown auth id', { authorization: basicAuth('MAUNKNOWN00000000000', sim.authToken) }],
    ['a malformed header', { authorization: 'Bearer abc' }],
    [
      "a subaccount's credentials on the parent's path",
      {
        authorization: basicAuth(
          sim.subaccounts[0]?.authId ?? '',
          sim.subaccounts[0]?.authToken ?? '',
        ),
      },
    ],
  ];
  it.each(cases)('answers 401 with Plivo’s body for %s', async (_name, headers) => {
    const res = await sim.app.request(sim.listPath(), { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      api_id: expect.any(String),
      error: 'authentication credentials were not provided',
    });
  });

  it('answers 401 when the path names another account than the credentials', async () => {
    const res = await sim.get(`/v1/Account/MAOTHER0000000000000/Verify/Session/`);
    expect(res.status).toBe(401);
  });

  it('never echoes the auth token', async () => {
    const res = await sim.app.request(sim.listPath(), {
      headers: { authorization: basicAuth(sim.authId, 'wrong-token') },
    });
    const text = await res.text();
    expect(text).not.toContain('wrong-token');
    expect(text).not.toContain(sim.authToken);
  });
});

describe('determinism', () => {
  const paths = (s: ReturnType<typeof testSimulator>) => [
    s.listPath(),
    s.listPath('status=expired&limit=5&offset=20'),
    s.listPath('session_time__gte=2026-09-01+00:00&country=BR'),
  ];

  it('gives byte-identical replies for the same seed and clock (api_id included)', async () => {
    const a = testSimulator({ seed: 'same' });
    const b = testSimulator({ seed: 'same' });
    for (const [pa, pb] of paths(a).map((p, i) => [p, paths(b)[i] ?? ''] as const)) {
      expect(await (await a.get(pa)).text()).toBe(await (await b.get(pb)).text());
    }
    const uuid = (await listBody(await a.get(a.listPath()))).sessions?.[0]?.session_uuid ?? '';
    await b.get(b.listPath());
    const one = await (await a.get(retrievePathFor(a, uuid))).text();
    const two = await (await b.get(retrievePathFor(b, uuid))).text();
    expect(one).toBe(two);
  });

  it('gives different data for a different seed', async () => {
    const a = await listBody(await testSimulator({ seed: 1 }).get(sim.listPath()));
    const b = await listBody(await testSimulator({ seed: 2 }).get(sim.listPath()));
    expect(a.sessions?.[0]?.session_uuid).not.toBe(b.sessions?.[0]?.session_uuid);
  });
});

function retrievePathFor(s: ReturnType<typeof testSimulator>, uuid: string): string {
  return `/v1/Account/${s.authId}/Verify/Session/${uuid}/`;
}
