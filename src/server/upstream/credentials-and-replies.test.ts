import { describe, expect, it } from 'vitest';
import { sessionDetailSchema, sessionsPageSchema } from '../../contract/api.ts';
import type { FakeReply } from '../testing/fake-upstream.ts';
import { TEST_AUTH_ID, TEST_AUTH_TOKEN, TEST_TOKEN_BASE64 } from '../testing/harness.ts';
import { listOf, session, UUID } from '../testing/payloads.ts';
import { proxySuite } from '../testing/proxy-suite.ts';

const { upstream, dash, getJson } = proxySuite();

describe('credentials', () => {
  it('sends Basic auth for the configured account to the Verify path built from validated parts', async () => {
    upstream().handle(() => ({ json: listOf(UUID) }));
    const { response } = await getJson(
      '/api/sessions?recipient=%2B91%2089962%2080998&status=VERIFIED',
    );
    expect(response.status).toBe(200);
    const [sent] = upstream().requests;
    expect(sent?.headers.authorization).toBe(`Basic ${TEST_TOKEN_BASE64}`);
    expect(sent?.path).toBe(`/v1/Account/${TEST_AUTH_ID}/Verify/Session/`);
    expect(Object.fromEntries(sent?.query ?? [])).toEqual({
      recipient: '+918996280998',
      status: 'verified',
    });
  });

  it('forwards no header of the browser upstream', async () => {
    upstream().handle(() => ({ json: listOf(UUID) }));
    await fetch(`${dash().url}/api/sessions?alias=x`, {
      headers: {
        cookie: 'session=abc',
        'x-forwarded-for': '1.2.3.4',
        authorization: 'Bearer mine',
      },
    });
    const headers = upstream().requests[0]?.headers ?? {};
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-forwarded-for']).toBeUndefined();
    expect(headers.authorization).toBe(`Basic ${TEST_TOKEN_BASE64}`);
  });

  it('never echoes the token in replies, headers or logs, whatever the upstream does', async () => {
    const replies: FakeReply[] = [
      { json: listOf(UUID) },
      { status: 401, json: { error: 'authentication credentials were not provided' } },
      { status: 500, body: `oops ${TEST_AUTH_TOKEN}` },
      { status: 400, json: { error: `token ${TEST_AUTH_TOKEN} is wrong` } },
      { reset: true },
      { body: 'not json' },
    ];
    const seen: string[] = [];
    for (const reply of replies) {
      upstream().handle(() => reply);
      for (const path of ['/api/sessions?alias=a', `/api/sessions/${UUID}`, '/api/health']) {
        const response = await fetch(dash().url + path);
        seen.push(JSON.stringify([...response.headers]), await response.text());
      }
    }
    const everything = [...seen, ...dash().logs].join('\n');
    expect(everything).not.toContain(TEST_AUTH_TOKEN);
    expect(everything).not.toContain(TEST_TOKEN_BASE64);
    expect(dash().logs.length).toBeGreaterThan(10);
  });

  it('logs one line per request with the route pattern, never the phone number', async () => {
    upstream().handle(() => ({ json: listOf(UUID) }));
    const before = dash().logs.length;
    await fetch(`${dash().url}/api/sessions?recipient=%2B14155550100`);
    const lines = dash().logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ GET \/api\/sessions 200 \d+ms upstream=1 cache=miss$/);
    expect(lines.join()).not.toMatch(/4155550100|918996280998/);
  });

  it('logs an unexpected failure by its message, with phone numbers masked', async () => {
    const { service } = dash().server;
    const original = service.list.bind(service);
    service.list = () => Promise.reject(new TypeError('cannot read +1 (415) 555-0100 in page 12'));
    try {
      const before = dash().logs.length;
      const response = await fetch(`${dash().url}/api/sessions?recipient=%2B14155550100`);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: { code: 'internal' } });
      const lines = dash().logs.slice(before).join('\n');
      expect(lines).toContain('error TypeError: cannot read [number] in page 12');
      expect(lines).not.toMatch(/415|0100/);
    } finally {
      service.list = original;
    }
  });
});

describe('normalised replies', () => {
  it('turns meta.next into an offset without the auth id or the upstream host', async () => {
    upstream().handle(() => ({ json: listOf(UUID) }));
    const { json, text } = await getJson('/api/sessions');
    const page = sessionsPageSchema.parse(json);
    expect(page.page).toEqual({ limit: 20, offset: 0, nextOffset: 20 });
    expect(page.sessions[0]?.recipient).toBe('+918996280998');
    expect(text).not.toContain(TEST_AUTH_ID);
    expect(text).not.toContain(new URL(upstream().url).host);
  });

  it('passes the offset through and reports the last page', async () => {
    upstream().handle((req) => ({
      json: {
        ...listOf(UUID),
        meta: { limit: 20, offset: Number(req.query.get('offset')), next: null },
      },
    }));
    const { json } = await getJson('/api/sessions?offset=40');
    expect(upstream().requests[0]?.query.get('offset')).toBe('40');
    expect(sessionsPageSchema.parse(json).page).toEqual({
      limit: 20,
      offset: 40,
      nextOffset: null,
    });
  });

  it('retrieves one session with Plivo’s JSON kept as raw', async () => {
    upstream().handle(() => ({ json: { api_id: 'r', ...session(UUID) } }));
    const { json } = await getJson(`/api/sessions/${UUID.toUpperCase()}`);
    expect(upstream().requests[0]?.path).toBe(
      `/v1/Account/${TEST_AUTH_ID}/Verify/Session/${UUID}/`,
    );
    const detail = sessionDetailSchema.parse(json);
    expect(detail.session.sessionUuid).toBe(UUID);
    expect(detail.raw).toMatchObject({ api_id: 'r', recipient: '918996280998' });
  });

  it('keeps readable sessions and lists the unreadable ones as problems', async () => {
    upstream().handle(() => ({
      json: { ...listOf(UUID), sessions: [session(UUID), { alias: 'x' }] },
    }));
    const page = sessionsPageSchema.parse((await getJson('/api/sessions')).json);
    expect(page.sessions).toHaveLength(1);
    expect(page.problems).toEqual([expect.stringMatching(/Session #2 .*session_uuid is missing/)]);
  });
});
