import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRERENDER_STYLE_ID, THEME_COOKIE, VIEWER_ZONE_COOKIE } from '../../contract/prerender.ts';
import { EARLY_INPUT_SCRIPT_HASH } from '../http/security.ts';
import { RECENT_RENDERS_MAX_BYTES } from './recent-renders.ts';
import { withMask } from './prerender-page.ts';
import { startDashboard, TEST_AUTH_TOKEN } from '../testing/harness.ts';
import { listOf, session } from '../testing/payloads.ts';
import { bootOf, prerenderServer, WINDOW } from '../testing/prerender-fixture.ts';

/**
 * A deep link pre-rendered end to end: the real SSR bundle, a real dashboard server, and a
 * fake Plivo whose every call is counted. (What happens when it cannot be: the fallbacks test.)
 */
const UUIDS = ['3cdec449-a367-435e-b4f9-40d777a7cfcc', '9a7c3b3e-0d7c-4c65-a4a4-5a1b7e0e0b01'];
const HOSTILE_ALIAS = '</script><script>alert(1)</script>\u2028$&';
const RECIPIENT = '918996280998';
const IP = '110.226.182.196';

function listReply() {
  const body = listOf(...UUIDS);
  const [first, second] = body.sessions;
  const sessions: (NonNullable<typeof first> & { requestor_ip?: string })[] = [
    { ...first!, alias: HOSTILE_ALIAS },
    { ...session(second!.session_uuid, RECIPIENT), requestor_ip: IP },
  ];
  return { ...body, sessions };
}

/** Every recipient (and its national part) and IP of the raw upstream reply. */
const secrets = listReply().sessions.flatMap((s) => {
  const ip = s.requestor_ip;
  return [s.recipient, s.recipient.slice(2), ...(ip ? [ip] : [])];
});
const leaked = (html: string) => secrets.filter((secret) => html.includes(secret));

// Renders of a 4 MB reply (the memory test) take longer than the default wait on a busy machine.
const server = prerenderServer(listReply, { PRERENDER_WAIT_MS: '10000' });

const rowUuids = (html: string) =>
  [...html.matchAll(/data-row-index="\d+"[\s\S]*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f-]{22,})/g)].map(
    (m) => m[1],
  );

describe('withMask', () => {
  it.each([
    ['', '?mask=1'],
    ['?a=1', '?a=1&mask=1'],
    ['?mask=0&from=2026-11-20T10:00:00Z', '?from=2026-11-20T10:00:00Z&mask=1'],
    ['?m%61sk=yes&x=%E0', '?x=%E0&mask=1'],
  ])('%s → %s', (search, out) => {
    expect(withMask(search)).toBe(out);
  });
});

describe('a deep link to the explorer', () => {
  it('arrives with its rows rendered and the reply they came from, for one server.upstream call', async () => {
    const before = server.upstream.calls();
    const { reply, html } = await server.page(WINDOW);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('private, no-store');
    expect(html).toContain('<div id="root"><main');
    expect(html).toContain('role="table"');
    expect(new Set(rowUuids(html))).toEqual(new Set(UUIDS));
    const boot = bootOf(html);
    expect(boot.apiQuery).toBe(
      // 500 rows when the session index answers; Plivo's answer is cut to its 20.
      'session_time__gte=2023-06-30+00%3A00%3A00&session_time__lt=2023-07-01+00%3A00%3A00&limit=500',
    );
    const api = await fetch(`${server.dash.url}/api/sessions?${boot.apiQuery}`);
    expect(api.headers.get('x-cache')).toBe('hit');
    expect(boot.body).toEqual(await api.json());
    expect(server.upstream.calls() - before).toBe(1);
    expect(html).not.toContain(TEST_AUTH_TOKEN);
  });

  it('renders the same page every time: the charts stay a placeholder, never drawn on the server', async () => {
    const pages = [];
    for (const cols of ['created,status', 'created,status,channel', 'status']) {
      pages.push((await server.page(`${WINDOW}&cols=${cols}&charts=1`)).html);
    }
    for (const html of pages) {
      expect(html).toContain('Loading charts…');
      expect(html).not.toContain('recharts');
    }
  });

  it('keeps hostile data inert: no way out of the data element or into a replacement pattern', async () => {
    const { html } = await server.page(WINDOW);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html.match(/<script/g)).toHaveLength(2);
    const boot = bootOf(html);
    const aliases = (boot.body as { sessions: { alias: string }[] }).sessions.map((s) => s.alias);
    expect(aliases).toContain(HOSTILE_ALIAS);
  });

  it('carries no inline style attribute: styles come from one stylesheet the CSP admits by hash', async () => {
    const { reply, html } = await server.page(WINDOW);
    expect(html).not.toMatch(/\sstyle="/);
    const css =
      new RegExp(`<style id="${PRERENDER_STYLE_ID}">([^]+?)</style>`).exec(html)?.[1] ?? '';
    // The moved styles (the rows' positions) and the table's column fit.
    expect(css).toContain('translateY');
    expect(css).toContain('--grid-columns');
    const hash = createHash('sha256').update(css).digest('base64');
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}'`);
    // Scripts: this origin's, and index.html's one inline script by its hash (early input).
    expect(csp).toContain(`script-src 'self' '${EARLY_INPUT_SCRIPT_HASH}';`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves a link opened again from the same render, assembled once per encoding', async () => {
    const gzip = { 'accept-encoding': 'gzip' };
    const first = await server.page(WINDOW, gzip);
    const again = await server.page(WINDOW, gzip);
    expect(again.reply.headers.get('content-encoding')).toBe('gzip');
    expect(again.html).toBe(first.html);
    expect((await server.page(WINDOW, { 'accept-encoding': 'br' })).html).toBe(first.html);
    expect(bootOf(again.html).fetchedAt).toBe(bootOf(first.html).fetchedAt);
  });

  it('applies the viewer’s stored theme, and a linked one over it, before any script runs', async () => {
    const stored = { cookie: `${THEME_COOKIE}=dark` };
    expect((await server.page(WINDOW, stored)).html).toContain(
      '<html lang="en" data-theme="dark">',
    );
    expect((await server.page(`${WINDOW}&theme=light`, stored)).html).toContain(
      '<html lang="en" data-theme="light">',
    );
  });

  it('applies a linked theme before any script runs', async () => {
    expect((await server.page(`${WINDOW}&theme=dark`)).html).toContain(
      '<html lang="en" data-theme="dark">',
    );
    expect((await server.page(`${WINDOW}&theme=%22%3E%3Cscript%3E`)).html).toContain(
      '<html lang="en">',
    );
  });

  it('with mask=1 has no number or IP anywhere in the HTML, the embedded reply included', async () => {
    // Positive control: the same reply unmasked carries them, in the rows and the data.
    const full = (await server.page(WINDOW)).html;
    expect(full).toContain('+91 89962 80998');
    expect(leaked(full)).toEqual(secrets);
    const { html } = await server.page(`${WINDOW}&mask=1`);
    expect(rowUuids(html)).toHaveLength(2);
    expect(leaked(html)).toEqual([]);
    expect(html).not.toContain('89962');
    expect(html).toContain('+91 ••••0998');
    // The app starts from the masked reply and knows it must fetch again to unmask.
    const boot = bootOf(html).body as { masked?: boolean; sessions: { recipient: string }[] };
    expect(boot.masked).toBe(true);
    expect(boot.sessions.map((s) => s.recipient)).toContain('+91 ••••0998');
    // `mask` read as the app reads it: a value it does not understand (mask=yes) masks too.
    // (The same reply, from the cache: the suite's upstream budget is 20 calls a minute.)
    const unclear = (await server.page(`${WINDOW}&mask=yes`)).html;
    expect(rowUuids(unclear)).toHaveLength(2);
    expect(leaked(unclear)).toEqual([]);
    expect((bootOf(unclear).body as { masked?: boolean }).masked).toBe(true);
    // A recipient's page: the number is in the link, not in the page (the query it embeds
    // keeps the last four only).
    const lookup = (await server.page(`recipient=%2B${RECIPIENT}&${WINDOW}&mask=1`)).html;
    expect(rowUuids(lookup)).toHaveLength(2);
    expect(leaked(lookup)).toEqual([]);
    expect(bootOf(lookup).apiQuery).toContain('recipient=masked-0998');
  });

  it('masks every page of a masked-only viewer, whatever the link says', async () => {
    const guarded = await startDashboard(
      {
        WEB_DIST_DIR: server.dirs.web,
        TRUST_IDENTITY_HEADER: 'X-Forwarded-Email',
        TRUST_GROUPS_HEADER: 'X-Forwarded-Groups',
        MASKED_GROUPS: 'support-l1',
      },
      server.upstream,
    );
    try {
      const page = async (groups: string) => {
        const headers = { 'x-forwarded-email': 'agent@example.com', 'x-forwarded-groups': groups };
        return (await fetch(`${guarded.url}/?${WINDOW}`, { headers })).text();
      };
      // Sent to the link with mask=1, the rest of it unchanged, so the address and the page agree.
      const sent = await fetch(`${guarded.url}/?${WINDOW}&mask=0&tz=utc`, {
        headers: { 'x-forwarded-email': 'a@example.com', 'x-forwarded-groups': 'support-l1' },
        redirect: 'manual',
      });
      expect(sent.status).toBe(302);
      expect(sent.headers.get('location')).toBe(`/?${WINDOW}&tz=utc&mask=1`);
      const masked = await page('support-l1');
      expect(rowUuids(masked)).toHaveLength(2);
      expect(leaked(masked)).toEqual([]);
      expect(leaked(await page('support-l2'))).toEqual(secrets);
    } finally {
      await guarded.close();
    }
  });

  it('shows times in the zone the browser reported, and UTC for one it did not', async () => {
    const local = await server.page(`${WINDOW}&tz=local`, {
      cookie: `${VIEWER_ZONE_COOKIE}=Asia%2FKolkata`,
    });
    expect(local.html).toContain('Asia/Kolkata (local)');
    // The same reply again, for another viewer: rendered for that viewer's zone.
    const paris = await server.page(`${WINDOW}&tz=local`, {
      cookie: `${VIEWER_ZONE_COOKIE}=Europe%2FParis`,
    });
    expect(paris.html).toContain('Europe/Paris (local)');
    expect(paris.html).not.toContain('Asia/Kolkata');
    for (const cookie of ['Not%2FA_Zone', '%3Cscript%3E', '%22%20onload%3D']) {
      const { html } = await server.page(`${WINDOW}&tz=local`, {
        cookie: `${VIEWER_ZONE_COOKIE}=${cookie}`,
      });
      expect(html).toContain('UTC (local)');
      expect(html).not.toMatch(/Not\/A_Zone|<script>|onload=/);
    }
  });
});

describe('the renders the server keeps', () => {
  it('add up to at most their bound, however large the replies', async () => {
    // An abnormal upstream: a 1.5 MB alias in every reply (a hundred renders of a 4.5 MB one
    // held 2 GB). Each render carries it three times (cell, its hover title, the embedded
    // reply): ~4.5 MB, under the memo's one-entry cap, so ten of them must push out the first.
    const big = listOf(...UUIDS);
    big.sessions[0]!.alias = 'a'.repeat(1_500_000);
    server.upstream.handle(() => ({ json: big }));
    const renders = server.dash.server.prerenderer!.renders;
    // Few columns, so the alias column is shown at the first screen's assumed width.
    const cols = 'cols=created,status,alias';
    const first = bootOf((await server.page(`${WINDOW}&${cols}&alias=q0`)).html);
    for (let i = 1; i < 10; i += 1) {
      expect(bootOf((await server.page(`${WINDOW}&${cols}&alias=q${i}`)).html).apiQuery).toContain(
        `alias=q${i}`,
      );
      expect(renders.bytes).toBeGreaterThan(4_000_000);
      expect(renders.bytes).toBeLessThanOrEqual(RECENT_RENDERS_MAX_BYTES);
    }
    // Its reply is still cached, but the render of the first page had to make room: rendered anew.
    const calls = server.upstream.calls();
    const again = await server.page(`${WINDOW}&${cols}&alias=q0`);
    expect(server.upstream.calls()).toBe(calls);
    expect(bootOf(again.html).fetchedAt).toBeGreaterThan(first.fetchedAt);
  }, 60_000);
});
