import { PRERENDER_BOOT_ID } from '../src/contract/prerender.ts';
import { DEFAULT_PARENT } from '../src/simulator/catalog.ts';
import { FIXTURE_AUTH_TOKEN } from './support/credentials.ts';
import { expect, test } from './support/test.ts';

const FIXTURE_ORIGIN = `http://127.0.0.1:${process.env.E2E_FIXTURE_PORT ?? 4318}`;

/**
 * The Auth Token lives on the server only. Both e2e servers hold a token (the simulator's
 * default one, and the fixture server's live-mode one): nothing the browser receives — the
 * built app, its assets, or any /api reply on the way to a rendered view — may contain it.
 */
for (const [name, origin, token] of [
  ['simulator mode', '', DEFAULT_PARENT.authToken],
  ['live mode', FIXTURE_ORIGIN, FIXTURE_AUTH_TOKEN],
] as const) {
  test(`no response the browser receives carries the Auth Token (${name})`, async ({ page }) => {
    const bodies: { url: string; text: string }[] = [];
    page.on('response', async (response) => {
      const text = await response.text().catch(() => '');
      bodies.push({ url: response.url(), text });
    });
    await page.goto(`${origin}/?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z`);
    await expect(page.getByRole('table')).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Bodies are read asynchronously, and the health check may start after the first idle.
    await expect
      .poll(() => bodies.map((b) => new URL(b.url).pathname))
      .toEqual(expect.arrayContaining(['/', '/api/health']));
    // The sessions came inside the server's pre-rendered page, so it was among those read.
    const page0 = bodies.find((b) => new URL(b.url).pathname === '/');
    expect(page0?.text).toContain(`id="${PRERENDER_BOOT_ID}"`);
    expect(bodies.some((b) => b.url.endsWith('.js') && b.text.length > 1000)).toBe(true);
    const leaking = bodies.filter((b) => b.text.includes(token)).map((b) => b.url);
    expect(leaking).toEqual([]);
  });
}
