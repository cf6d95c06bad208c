import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { rawGet, rawRequest, startDashboard, type TestDashboard } from '../testing/harness.ts';
import { listOf } from '../testing/payloads.ts';

/** What a browser sends for each kind of request, as Fetch Metadata and Origin. */
const IMG = {
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'no-cors',
  'sec-fetch-dest': 'image',
};
const FETCH = {
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'cors',
  'sec-fetch-dest': 'empty',
  origin: 'https://evil.example',
};
const LINK = {
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
};

let upstream: FakeUpstream;
let dash: TestDashboard;
beforeAll(async () => {
  upstream = await startFakeUpstream(() => ({ json: listOf() }));
  dash = await startDashboard({}, upstream);
});
afterAll(async () => {
  await dash.close();
  await upstream.close();
});

const lines = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
/** Sent byte for byte: fetch() would replace Sec-Fetch-Mode with its own `cors`. */
const get = (target: string, headers: Record<string, string>) =>
  rawGet(dash.url, target, lines(headers));
const sessions = (alias: string, headers: Record<string, string>) =>
  get(`/api/sessions?alias=${alias}`, headers);

describe('requests another site makes the browser send', () => {
  it('cannot spend the upstream budget: 30 cross-site images make zero upstream calls', async () => {
    const before = upstream.calls();
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sessions(`csrf${i}`, IMG)),
    );
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([403]));
    expect(JSON.parse(replies[0]?.body ?? '')).toMatchObject({
      error: { code: 'cross_site', message: expect.stringMatching(/another site/) },
    });
    expect(upstream.calls()).toBe(before);
  });

  it('refuses cross-site and same-site fetches, old browsers by Origin, and links into /api', async () => {
    const before = upstream.calls();
    for (const headers of [
      FETCH,
      { ...IMG, 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      LINK,
    ]) {
      const reply = await sessions('csrf', headers);
      expect([headers, reply.status]).toEqual([headers, 403]);
    }
    expect(upstream.calls()).toBe(before);
  });

  it('refuses a cross-site subresource or form post to a page, but lets a link open it', async () => {
    expect((await get('/', IMG)).status).toBe(403);
    const post = await rawRequest(
      dash.url,
      `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines(LINK)}Content-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    expect(post.status).toBe(403);
    // No app is built for this server: a let-through page request reaches the 503 "not built".
    expect((await get('/', LINK)).status).toBe(503);
  });
});

describe('requests that are not made by another site', () => {
  it('are answered: the app itself, a typed URL, a same-origin Origin, curl and scripts', async () => {
    const host = new URL(dash.url).host;
    for (const [alias, headers] of [
      ['same', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' }],
      ['typed', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }],
      ['origin', { origin: `http://${host}` }],
      ['curl', {}],
    ] as const) {
      const before = upstream.calls();
      const reply = await sessions(alias, headers);
      expect([alias, reply.status]).toEqual([alias, 200]);
      expect(upstream.calls()).toBe(before + 1);
    }
  });
});
