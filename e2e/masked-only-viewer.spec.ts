import { sessionsPageSchema } from '../src/contract/api.ts';
import { toPlivoTime } from '../src/contract/time.ts';
import { configFrom } from '../src/server/config/config.ts';
import { startServer, type RunningServer } from '../src/server/server.ts';
import { dataRows } from './explorer-helpers.ts';
import { SIM_NOW, downloadFrom, everythingOnPage, secretsOf } from './incident-support.ts';
import { expect, test } from './support/test.ts';

/**
 * A masked-only viewer in a real browser, behind a (pretend) login proxy: the shared e2e server
 * has no access control, so this spec starts its own dashboard on its own simulator, with the
 * same clock and seed, that trusts an identity and a groups header.
 */
const FROM = '2026-11-20T10:00:00Z';
const TO = '2026-11-20T12:00:00Z';
const WINDOW = `from=${FROM}&to=${TO}`;
const as = (groups: string) => ({
  'x-forwarded-email': 'agent@example.com',
  'x-forwarded-groups': groups,
});

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer(
    configFrom({
      HOST: '127.0.0.1',
      PORT: '0',
      WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? 'dist/web',
      SIM_NOW: SIM_NOW,
      SIM_SEED: '20261120',
      TRUST_IDENTITY_HEADER: 'X-Forwarded-Email',
      TRUST_GROUPS_HEADER: 'X-Forwarded-Groups',
      MASKED_GROUPS: 'support-l1',
    }),
    { log: () => {} },
  );
});
test.afterAll(async () => {
  await server.close();
});

test('a masked-only viewer sees masked data only and has no way to unmask it', async ({ page }) => {
  // What a full viewer gets for the same window: the secrets that must not show.
  const query = new URLSearchParams({
    session_time__gte: toPlivoTime(Date.parse(FROM)),
    session_time__lt: toPlivoTime(Date.parse(TO)),
  });
  const fullReply = await page.request.get(`${server.url}api/sessions?${query}`, {
    headers: as('staff'),
  });
  const secrets = secretsOf(sessionsPageSchema.parse(await fullReply.json()).sessions);
  expect(secrets.length).toBeGreaterThan(5);

  await page.setExtraHTTPHeaders(as('support-l1'));
  await page.goto(`${server.url}?${WINDOW}`);
  // Rows wait for the server's word (health) and the masking code, in turn: on a busy
  // machine that can take longer than the default 5 s.
  await expect(dataRows(page).first()).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/mask=1/);
  await expect(page.getByText('Phone numbers masked', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /show full numbers/i })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /mask phone numbers/i })).toHaveCount(0);
  const leaked = (text: string) => secrets.filter((s) => text.includes(s));
  expect(leaked(await everythingOnPage(page))).toEqual([]);
  const file = await downloadFrom(page, 'CSV', 'session');
  expect(leaked(file.text)).toEqual([]);
  expect(file.text).toContain('••••');

  // Removing mask=1 from the address changes nothing: the server masks, the app puts it back.
  await page.goto(`${server.url}?${WINDOW}`);
  await expect(page).toHaveURL(/mask=1/);
  await expect(dataRows(page).first()).toBeVisible({ timeout: 15_000 });
  expect(leaked(await everythingOnPage(page))).toEqual([]);
});

test('a viewer outside the masked groups is offered the unmask control (control)', async ({
  page,
}) => {
  await page.setExtraHTTPHeaders(as('staff'));
  await page.goto(`${server.url}?${WINDOW}&mask=1`);
  await expect(dataRows(page).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /show full numbers/ })).toBeVisible();
});
