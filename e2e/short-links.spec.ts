import type { Page } from '@playwright/test';
import { sessionsPageSchema } from '../src/contract/api.ts';
import { toPlivoTime } from '../src/contract/time.ts';
import { WINDOW, dataRows, takeExpectedStatus } from './explorer-helpers.ts';
import { SIM_NOW, apiPage, everythingOnPage } from './incident-support.ts';
import { INDEX_ORIGIN, waitForIndexDays } from './support/index-server.ts';
import { expect, test } from './support/test.ts';

/**
 * Short links (`/l/<id>`, kept by the server) on the main e2e server, which runs with the
 * session index off: short links must not need it. Surrounding sessions on both servers.
 */
const uuidsOf = (page: Page) =>
  dataRows(page).evaluateAll((rows) =>
    rows.map((row) => row.querySelector('.cell-session_uuid code')?.textContent ?? ''),
  );
const SHORT = /^http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_-]{22}$/;

test('a short link opened in a fresh context reproduces the view', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(new Date(SIM_NOW));
  await page.goto('/?range=1h&status=verified&mask=1&tz=Asia%2FKolkata');
  await expect(dataRows(page).first()).toBeVisible();
  const uuids = await uuidsOf(page);

  await page.getByRole('button', { name: 'Copy short link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'link copied' })).toHaveText(
    'Short link copied (fixed time window).',
  );
  const short = await page.evaluate(() => navigator.clipboard.readText());
  expect(short).toMatch(SHORT);

  // A week later, in a browser context that has never seen the view: same window, rows,
  // masking and zone.
  const fresh = await browser.newContext();
  const later = await fresh.newPage();
  const errors: string[] = [];
  later.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await later.clock.setFixedTime(new Date('2026-11-27T12:00:00Z'));
  await later.goto(short);
  await expect(dataRows(later).first()).toBeVisible();
  expect(Object.fromEntries(new URL(later.url()).searchParams)).toEqual({
    status: 'verified',
    mask: '1',
    tz: 'Asia/Kolkata',
    from: '2026-11-20T11:00:00Z',
    to: '2026-11-20T12:00:00Z',
  });
  expect(await uuidsOf(later)).toEqual(uuids);
  await expect(dataRows(later).first().locator('.cell-recipient')).toHaveText(/••••\d{4}/);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('an unknown or mistyped short link says so and leads back', async ({ page, pageErrors }) => {
  const unknown = await page.goto('/l/AAAAAAAAAAAAAAAAAAAAAA');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Short link unknown');
  await expect(page).toHaveTitle('Short link unknown — OTP sessions');
  const mistyped = await page.goto('/l/not-a-link');
  expect(mistyped?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Short link mistyped');
  expect(takeExpectedStatus(pageErrors, 404)).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Go to the sessions explorer' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'OTP sessions' })).toBeVisible();
});

test('with the clipboard blocked and masking on, the box to copy by hand shows no number', async ({
  page,
}) => {
  // No Clipboard API, and execCommand refuses: the box to copy by hand appears.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined });
    document.execCommand = () => false;
  });
  const { sessions } = await apiPage(page, {}, '2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z');
  const target = sessions.find((s) => s.recipient)?.recipient ?? '';
  expect(target).toMatch(/^\+\d{8,}/);
  await page.goto(`/?recipient=${encodeURIComponent(target)}&${WINDOW}&mask=1`);
  await expect(dataRows(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const box = page.getByRole('textbox', { name: /copy this short link/ });
  await expect(box).toHaveValue(SHORT);
  const dom = (await everythingOnPage(page)).replace(page.url(), '');
  expect(dom).not.toContain(target.replace(/\D/g, ''));
  // The short link in the box opens the very view, number and all, for whoever may see it.
  await page.goto(await box.inputValue());
  await expect(dataRows(page).first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get('recipient')).toBe(target);
});

test('a session page lists the surrounding sessions from the index', async ({ page, request }) => {
  await waitForIndexDays(request, 2);
  // The simulator's incident, 10:20–11:00 UTC: SMS to India on AirTel undelivered. A session
  // from its middle has undelivered neighbours on both sides.
  const incident = new URLSearchParams({
    country: 'IN',
    network: 'AirTel',
    verdict: 'undelivered_all',
    session_time__gte: toPlivoTime(Date.parse('2026-11-19T10:35:00Z')),
    session_time__lt: toPlivoTime(Date.parse('2026-11-19T10:45:00Z')),
    limit: '1',
  });
  const reply = await request.get(`${INDEX_ORIGIN}/api/sessions?${incident.toString()}`);
  const session = sessionsPageSchema.parse(await reply.json()).sessions[0];
  if (!session?.createdAt) throw new Error('the index has no session of the incident');
  // What the index holds within ±10 min, asked here independently of the page.
  const created = Date.parse(session.createdAt);
  const near = new URLSearchParams({
    country: 'IN',
    network: 'AirTel',
    session_time__gte: toPlivoTime(created - 600_000),
    session_time__lt: toPlivoTime(created + 601_000),
    limit: '500',
  });
  const all = sessionsPageSchema.parse(
    await (await request.get(`${INDEX_ORIGIN}/api/sessions?${near.toString()}`)).json(),
  );
  const others = (all.meta?.total ?? 0) - 1;
  expect(others).toBeGreaterThan(0);
  await page.goto(`${INDEX_ORIGIN}/sessions/${session.sessionUuid}`);
  const around = page.getByRole('region', { name: 'Surrounding sessions' });
  await expect(around.locator('p').first()).toHaveText(
    new RegExp(
      `^${others} other sessions? to IN · AirTel within ±10 min: .*undelivered on all attempts`,
    ),
  );
  await expect(around.getByRole('listitem')).toHaveCount(Math.min(others, 8));
  await expect(around.locator('[data-verdict="undelivered_all"]').first()).toBeVisible();
  await expect(around.getByRole('link').first()).toHaveAttribute('href', /^\/sessions\//);
});

test('without the index, the session page links to the same query in the explorer', async ({
  page,
}) => {
  const { sessions } = await apiPage(page, {}, '2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z');
  const session = sessions.find((s) => s.country && s.network);
  if (!session) throw new Error('the simulator gave no session with a country and network');
  await page.goto(`/sessions/${session.sessionUuid}?mask=1`);
  const around = page.getByRole('region', { name: 'Surrounding sessions' });
  await expect(around).toContainText('The session index does not cover the 20 minutes');
  const link = around.getByRole('link', {
    name: `Open sessions to ${session.country} · ${session.network} within ±10 min in the explorer`,
  });
  const href = new URL((await link.getAttribute('href')) ?? '', 'http://x');
  expect(href.searchParams.get('country')).toBe(session.country);
  expect(href.searchParams.get('network')).toBe(session.network);
  expect(href.searchParams.get('mask')).toBe('1');
  const created = Date.parse(session.createdAt ?? '');
  const from = Date.parse(href.searchParams.get('from') ?? '');
  expect(created - from).toBeGreaterThanOrEqual(600_000);
  expect(created - from).toBeLessThan(601_000);
});
