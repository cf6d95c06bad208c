import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../access/passwords.ts';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';
import { LINKS_FILE } from './sqlite-link-store.ts';

/**
 * Short links over real HTTP: a real server (simulator mode, INDEX=off: links must not need
 * the index) with its links file in a throwaway DATA_DIR.
 */
const UUID = '3cdec449-a367-435e-b4f9-40d777a7cfcc';
const VIEW =
  '/?recipient=%2B918681951370&from=2026-11-20T10%3A00%3A00Z&to=2026-11-20T11%3A00%3A00Z&mask=1';
const json = { 'content-type': 'application/json' };

let dir: string;
const dashboards: TestDashboard[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'short-links-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(dashboards.splice(0).map((d) => d.close()));
});

async function start(env: Record<string, string> = {}, dataDir = join(dir, `d${Math.random()}`)) {
  const dash = await startDashboard({ SHORT_LINKS: 'on', DATA_DIR: dataDir, ...env });
  dashboards.push(dash);
  return { dash, dataDir };
}

function create(dash: TestDashboard, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${dash.url}/api/links`, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const open = (dash: TestDashboard, path: string, headers: Record<string, string> = {}) =>
  fetch(`${dash.url}${path}`, { redirect: 'manual', headers });

describe('POST /api/links and GET /l/<id>', () => {
  it('stores a view and redirects to it exactly, in a private file, across a restart', async () => {
    const { dash, dataDir } = await start();
    const reply = await create(dash, { url: VIEW });
    expect(reply.status).toBe(201);
    const { url } = (await reply.json()) as { url: string };
    expect(url).toMatch(/^\/l\/[A-Za-z0-9_-]{22}$/);
    const second = (await (await create(dash, { url: VIEW })).json()) as { url: string };
    expect(second.url).not.toBe(url);

    const redirect = await open(dash, url);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(VIEW);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, LINKS_FILE)).mode & 0o777).toBe(0o600);
    // The view holds a recipient's number: the log has the route, never the link or number.
    const log = dash.logs.join('\n');
    expect(log).toContain('GET /l/:id 302');
    expect(log).toContain('POST /api/links 201');
    expect(log).not.toMatch(/8681951370|\/l\/[A-Za-z0-9_-]{22}/);

    await dash.close();
    dashboards.length = 0;
    const again = await start({}, dataDir);
    expect((await open(again.dash, url)).headers.get('location')).toBe(VIEW);
  });

  it('takes a session page too', async () => {
    const { dash } = await start();
    const path = `/sessions/${UUID}?tz=Asia%2FKolkata`;
    const { url } = (await (await create(dash, { url: path })).json()) as { url: string };
    expect((await open(dash, url)).headers.get('location')).toBe(path);
  });

  it.each([
    ['https://evil.example/', /starting with one \//],
    ['//evil.example/', /starting with one \//],
    ['/\\evil.example', /backslashes/],
    ['/?a=b c', /spaces/],
    ['/?a=b#frag', /fragment/],
    ['/api/sessions', /explorer .* or of one session/],
    ['/sessions/not-a-uuid', /explorer .* or of one session/],
    ['/l/AAAAAAAAAAAAAAAAAAAAAA', /explorer .* or of one session/],
    [`/?q=${'x'.repeat(8200)}`, /at most 8192 characters/],
    ['', /a path of this dashboard/],
  ])('refuses %.40j with the reason', async (url, message) => {
    const { dash } = await start();
    const reply = await create(dash, { url });
    expect(reply.status).toBe(400);
    const body = (await reply.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_parameter');
    expect(body.error.message).toMatch(message);
  });

  it('refuses bodies that are not {"url": …} JSON', async () => {
    const { dash } = await start();
    for (const [body, headers] of [
      ['{"url":"/"}', { 'content-type': 'text/plain' }],
      ['not json', {}],
      [JSON.stringify({ url: '/', extra: 1 }), {}],
      [JSON.stringify({ url: 5 }), {}],
    ] as const) {
      const reply = await create(dash, body, headers);
      expect(reply.status).toBe(400);
      expect(((await reply.json()) as { error: { message: string } }).error.message).toMatch(
        /JSON|"url"/,
      );
    }
  });

  it('refuses a request another site makes the browser send', async () => {
    const { dash } = await start();
    const reply = await create(dash, { url: '/' }, { 'sec-fetch-site': 'cross-site' });
    expect(reply.status).toBe(403);
    expect(((await reply.json()) as { error: { code: string } }).error.code).toBe('cross_site');
  });

  it('answers unknown, mistyped and deeper ids with a page that leads back', async () => {
    const { dash } = await start();
    const cases = [
      ['/l/AAAAAAAAAAAAAAAAAAAAAA', 404, 'Short link unknown'],
      ['/l/short', 404, 'Short link mistyped'],
      ['/l/AAAAAAAAAAAAAAAAAAAAA%21', 404, 'Short link mistyped'],
      ['/l/a/b', 404, 'Short link mistyped'],
      ['/l/', 404, 'Short link mistyped'],
    ] as const;
    for (const [path, status, title] of cases) {
      const reply = await open(dash, path);
      expect([path, reply.status]).toEqual([path, status]);
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await reply.text();
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toContain('<a href="/">Go to the sessions explorer</a>');
      // Its one stylesheet is admitted by hash, nothing else inline.
      expect(reply.headers.get('content-security-policy')).toMatch(/style-src 'self' 'sha256-/);
    }
  });

  it('limits how many links one viewer makes in a minute', async () => {
    const { dash } = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await create(dash, { url: `/?n=${i}` })).status);
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    const last = await create(dash, { url: '/' });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps mask=1 in a masked-only viewer’s links, and lands them on the masked view', async () => {
    const alice = `alice:${await hashPassword('password of alice')}`;
    const carol = `carol:${await hashPassword('password of carol')}:masked`;
    const { dash } = await start({ DASHBOARD_USERS: `${alice},${carol}` });
    const as = (user: string) => ({
      authorization: `Basic ${Buffer.from(`${user}:password of ${user}`).toString('base64')}`,
    });
    const unmasked = '/?recipient=%2B918681951370&status=expired';
    const made = await create(dash, { url: unmasked }, as('carol'));
    const { url } = (await made.json()) as { url: string };
    expect((await open(dash, url, as('alice'))).headers.get('location')).toBe(`${unmasked}&mask=1`);
    const byAlice = (await (await create(dash, { url: unmasked }, as('alice'))).json()) as {
      url: string;
    };
    expect((await open(dash, byAlice.url, as('alice'))).headers.get('location')).toBe(unmasked);
    expect((await open(dash, byAlice.url, as('carol'))).headers.get('location')).toBe(
      `${unmasked}&mask=1`,
    );
    // Sign-in applies to short links like to any page.
    expect((await open(dash, byAlice.url)).status).toBe(401);
    expect((await create(dash, { url: '/' })).status).toBe(401);
  });
});

describe('when short links cannot run', () => {
  it('starts anyway; creating says why and /l/ pages say they are off', async () => {
    const notAFolder = join(dir, 'a-file');
    writeFileSync(notAFolder, 'x');
    const { dash } = await start({}, notAFolder);
    expect(dash.logs.join('\n')).toMatch(/Short links: NOT available — DATA_DIR .* cannot be used/);
    const reply = await create(dash, { url: '/' });
    expect(reply.status).toBe(503);
    const body = (await reply.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'unavailable' });
    expect(body.error.message).toMatch(
      /^Short links are off on this server: DATA_DIR .* cannot be used/,
    );
    const page = await open(dash, '/l/AAAAAAAAAAAAAAAAAAAAAA');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Short links are off');
  });

  it('SHORT_LINKS=off turns them off and says so', async () => {
    const { dash } = await start({ SHORT_LINKS: 'off' });
    const reply = await create(dash, { url: '/' });
    expect(reply.status).toBe(503);
    expect(((await reply.json()) as { error: { message: string } }).error.message).toBe(
      'Short links are off on this server: SHORT_LINKS=off.',
    );
  });
});
