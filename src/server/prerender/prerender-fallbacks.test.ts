import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { NO_PRERENDER_HEADER } from '../../contract/prerender.ts';
import { startDashboard } from '../testing/harness.ts';
import { listOf } from '../testing/payloads.ts';
import { INDEX, prerenderServer, WINDOW } from '../testing/prerender-fixture.ts';

/**
 * When a deep link cannot or must not be pre-rendered, the plain app is served, the browser
 * asks for itself, and nothing is lost; behind access control nothing is rendered at all.
 */
const UUIDS = ['3cdec449-a367-435e-b4f9-40d777a7cfcc'];

const server = prerenderServer(() => listOf(...UUIDS), { PRERENDER_WAIT_MS: '800' });

describe('behind access control', () => {
  it('renders nothing and calls nothing for a request that is not let in', async () => {
    const guarded = await startDashboard(
      // Its own generous wait: on a busy machine the first render can outlast the shared 800 ms.
      {
        WEB_DIST_DIR: server.dirs.web,
        TRUST_IDENTITY_HEADER: 'X-Forwarded-Email',
        PRERENDER_WAIT_MS: '10000',
      },
      server.upstream,
    );
    try {
      const before = server.upstream.calls();
      const refused = await fetch(`${guarded.url}/?${WINDOW}`);
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain('data-row-index');
      expect(server.upstream.calls()).toBe(before);
      const admitted = await fetch(`${guarded.url}/?${WINDOW}`, {
        headers: { 'x-forwarded-email': 'agent@example.com' },
      });
      expect(await admitted.text()).toContain('data-row-index');
    } finally {
      await guarded.close();
    }
    // A second server and its first render (the SSR bundle loads): seconds on a busy machine.
  }, 30_000);
});

/** node:http, not fetch(): fetch would replace Sec-Fetch-Mode with its own `cors`. */
function request(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; html: string }>((resolve, reject) => {
    get(url, { headers }, (res) => {
      let html = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (html += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, html }));
    }).on('error', reject);
  });
}

describe('from another site', () => {
  const crossSite = { 'sec-fetch-site': 'cross-site' };

  it('a link (top-level navigation) is still pre-rendered', async () => {
    // Its own server with a generous wait: on a busy machine the suite's 800 ms can run out,
    // and the plain app served instead would say nothing about the guard.
    const patient = await startDashboard(
      { WEB_DIST_DIR: server.dirs.web, PRERENDER_WAIT_MS: '10000' },
      server.upstream,
    );
    try {
      const link = { ...crossSite, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
      const { status, html } = await request(`${patient.url}/?${WINDOW}`, link);
      expect(status).toBe(200);
      expect(html).toContain('data-row-index');
    } finally {
      await patient.close();
    }
  }, 20_000);

  it('an image, script or fetch of a page is refused and calls nothing', async () => {
    const before = server.upstream.calls();
    for (const [mode, dest] of [
      ['no-cors', 'image'],
      ['no-cors', 'script'],
      ['cors', 'empty'],
      ['navigate', 'iframe'],
    ] as const) {
      const headers = { ...crossSite, 'sec-fetch-mode': mode, 'sec-fetch-dest': dest };
      const { status, html } = await request(`${server.dash.url}/?${WINDOW}&n=${dest}`, headers);
      expect([dest, status]).toEqual([dest, 403]);
      expect(html).not.toContain('data-row-index');
    }
    expect(server.upstream.calls()).toBe(before);
  });
});

describe('the plain app is served instead, and nothing is lost', () => {
  it('when the request asks for no pre-render', async () => {
    const before = server.upstream.calls();
    const { reply, html } = await server.page(WINDOW, { [NO_PRERENDER_HEADER]: 'off' });
    expect(reply.status).toBe(200);
    expect(html).toBe(INDEX);
    expect(server.upstream.calls()).toBe(before);
  });

  it('when the server.upstream fails: the browser then asks and shows the failure itself', async () => {
    server.upstream.handle(() => ({ status: 500, body: 'boom' }));
    const { reply, html } = await server.page(WINDOW);
    expect(reply.status).toBe(200);
    expect(html).toBe(INDEX);
  });

  it('when the server.upstream is slower than PRERENDER_WAIT_MS', async () => {
    server.upstream.handle(() => ({ json: listOf(...UUIDS), delayMs: 3_000 }));
    const started = Date.now();
    const { html } = await server.page(WINDOW);
    expect(html).toBe(INDEX);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('for pages other than the explorer; a malformed query still gets a page, not an error', async () => {
    const malformed = await server.page('status=nonsense&from=yesterday&limit=-5');
    expect(malformed.reply.status).toBe(200);
    expect(malformed.html).toContain('<div id="root">');
    expect(malformed.html).not.toMatch(/\bat .+\.(?:js|ts):\d+/);
    const other = await fetch(`${server.dash.url}/sessions/${UUIDS[0]}`);
    expect(await other.text()).toBe(INDEX);
  });

  it('when PRERENDER=off', async () => {
    const off = await startDashboard(
      { WEB_DIST_DIR: server.dirs.web, PRERENDER: 'off' },
      server.upstream,
    );
    try {
      const before = server.upstream.calls();
      const html = await (await fetch(`${off.url}/?${WINDOW}`)).text();
      expect(html).toBe(INDEX);
      expect(server.upstream.calls()).toBe(before);
    } finally {
      await off.close();
    }
  });

  it('when the render fails, saying so in one log line without the numbers it quoted', async () => {
    mkdirSync(join(server.dirs.dir, 'broken'), { recursive: true });
    writeFileSync(
      join(server.dirs.dir, 'broken/prerender.js'),
      "export const prerender = async () => { throw new TypeError('no row for +14155550100'); };",
    );
    const broken = await startDashboard(
      { WEB_DIST_DIR: server.dirs.web, WEB_SSR_DIR: join(server.dirs.dir, 'broken') },
      server.upstream,
    );
    try {
      const reply = await fetch(`${broken.url}/?${WINDOW}`);
      expect(reply.status).toBe(200);
      expect(await reply.text()).toBe(INDEX);
      const failures = broken.logs.filter((l) => l.startsWith('pre-render failed'));
      expect(failures).toEqual([
        'pre-render failed, serving the plain app: TypeError: no row for [number]',
      ]);
    } finally {
      await broken.close();
    }
  });

  it('when there is no SSR bundle, saying so once in the log', async () => {
    const missing = await startDashboard(
      { WEB_DIST_DIR: server.dirs.web, WEB_SSR_DIR: join(server.dirs.dir, 'nothing-here') },
      server.upstream,
    );
    try {
      for (let i = 0; i < 2; i++) {
        expect(await (await fetch(`${missing.url}/?${WINDOW}`)).text()).toBe(INDEX);
      }
      expect(missing.logs.filter((l) => l.startsWith('pre-render off'))).toHaveLength(1);
    } finally {
      await missing.close();
    }
  });
});
