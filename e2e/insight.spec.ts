import type { Page, Request } from '@playwright/test';
import type { SessionsPage } from '../src/contract/api.ts';
import { dataRows } from './explorer-helpers.ts';
import { apiPage } from './incident-support.ts';
import { expect, test } from './support/test.ts';

/**
 * The simulator's built-in incident: on the UTC day before its clock (2026-11-20T12:00Z),
 * from 10:20 to 11:00 UTC, every SMS to India on AirTel goes undelivered. Indian sessions
 * from 10:00 to 11:20 are three pages: enough for "load all" within the shared budget.
 */
const FROM = '2026-11-19T10:00:00Z';
const TO = '2026-11-19T11:20:00Z';
const INCIDENT = { from: '10:20', to: '11:00' };
const VIEW = `/?country=IN&from=${FROM}&to=${TO}&charts=1`;

async function allSessions(page: Page): Promise<SessionsPage['sessions']> {
  const sessions: SessionsPage['sessions'] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const body: SessionsPage = await apiPage(page, { country: 'IN' }, FROM, TO, offset);
    sessions.push(...body.sessions);
    offset = body.page.nextOffset;
  }
  return sessions;
}

const hhmm = (iso: string | null) => iso?.slice(11, 16) ?? '';
const inIncident = (iso: string | null) =>
  hhmm(iso) >= INCIDENT.from && hhmm(iso) < INCIDENT.to && (iso ?? '').startsWith('2026-11-19');

test('load all matching: progress, cancel, resume — then the charts show the incident', async ({
  page,
}) => {
  // Hold the second page until the run is cancelled, so cancel has something to stop.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sessions?*offset=20*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(VIEW);
  await expect(dataRows(page).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Summary/ })).toContainText(
    'of 20 loaded — more match, not loaded yet',
  );
  await page.getByRole('button', { name: 'Load all matching' }).click();
  const progress = page.getByRole('progressbar', { name: 'Loading all matching sessions' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^Loading: 1 page, 20 sessions/);
  // Whether the browser aborts it or it completes, the held request ends once released.
  const inFlightEnded = new Promise<void>((ended) => {
    const settle = (request: Request) => {
      if (request.url().includes('offset=20')) ended();
    };
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
  });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveAttribute('aria-valuetext', /^Paused: 1 page, 20 sessions/);
  release();
  await inFlightEnded;
  // Cancel is a clean stop: the page that was in flight is dropped and nothing more loads.
  await expect(progress).toHaveAttribute('aria-valuetext', /^Paused: 1 page, 20 sessions/);
  await expect(page.getByText('Loading more…')).toHaveCount(0);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(progress).toHaveAttribute(
    'aria-valuetext',
    /^All matching sessions loaded: 3 pages, \d+ sessions/,
  );
  await expect(progress).toHaveAttribute('aria-valuenow', '100');

  const sessions = await allSessions(page);
  const n = sessions.length;
  await expect(progress).toHaveAttribute('aria-valuetext', new RegExp(`3 pages, ${n} sessions`));
  await expect(page.getByRole('heading', { name: /^Summary/ })).toContainText(
    `complete: all ${n} matching sessions loaded`,
  );
  await expect(page.getByRole('status').filter({ hasText: /^all \d+ sessions/ })).toHaveText(
    `all ${n} sessions`,
  );

  // The charts are drawn (recharts, lazily loaded) and say the zone on their axes.
  const charts = page.getByTestId('insight-charts');
  await expect(charts.locator('svg.recharts-surface').first()).toBeVisible();
  expect(await charts.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(5);
  await expect(charts.getByText('Time (UTC)').first()).toBeVisible();

  // The incident: every session undelivered on all attempts is AirTel, inside 10:20–11:00.
  const undelivered = sessions.filter(
    (s) => s.attempts.length > 0 && s.attempts.every((a) => a.status === 'undelivered'),
  );
  expect(undelivered.length).toBeGreaterThan(2);
  expect(undelivered.every((s) => s.network === 'AirTel' && inIncident(s.createdAt))).toBe(true);
  // Outside the index's coverage (this server has none) a verdict is counted, not a filter.
  const verdicts = charts.getByRole('list', { name: 'Filter by verdict' });
  await expect(
    verdicts.getByRole('listitem').filter({ hasText: /^Undelivered on all attempts/ }),
  ).toHaveText(new RegExp(`Undelivered on all attempts ${undelivered.length} \\(`));
  await expect(verdicts.getByRole('button')).toHaveCount(0);
  // The verified-% line bottoms out inside the incident.
  const rate = await charts
    .getByRole('img', { name: /^Verified percentage per bucket/ })
    .getAttribute('aria-label');
  const lowest = /Lowest: ([\d.]+) % at 19 Nov, (\d\d:\d\d)/.exec(rate ?? '');
  expect(Number(lowest?.[1])).toBe(0);
  expect(inIncident(`2026-11-19T${lowest?.[2]}:00Z`)).toBe(true);
  // Expired sessions per bucket, from the table under the histogram.
  await charts.getByText(/^Show the numbers/).click();
  const buckets = charts.locator('.insight-buckets tbody tr');
  const expiredByBucket = await buckets.evaluateAll((rows) => {
    const heads = [...(rows[0]?.closest('table')?.querySelectorAll('thead th') ?? [])];
    const column = heads.findIndex((th) => th.textContent === 'Expired');
    return rows.map((r) => ({
      label: r.querySelector('th')?.textContent ?? '',
      expired: Number(r.children[column]?.textContent ?? 0),
    }));
  });
  const expiredIn = (inside: boolean) =>
    expiredByBucket
      .filter((b) => inIncident(`2026-11-19T${/(\d\d:\d\d)/.exec(b.label)?.[1]}:00Z`) === inside)
      .reduce((sum, b) => sum + b.expired, 0);
  const expiredSessions = sessions.filter((s) => s.status === 'expired');
  expect(expiredIn(true)).toBe(expiredSessions.filter((s) => inIncident(s.createdAt)).length);
  expect(expiredIn(true)).toBeGreaterThan(expiredIn(false));
});

test('segments filter: status and country set Plivo filters, index-only ones wait for the index, a bucket zooms', async ({
  page,
}) => {
  await page.goto(VIEW);
  await expect(dataRows(page).first()).toBeVisible();
  const charts = page.getByTestId('insight-charts');
  await expect(charts.locator('svg.recharts-surface').first()).toBeVisible();

  // Channel, verdict and network are filters only the session index applies: without it
  // (this server has none) they are counted, not offered, and the chart says why.
  for (const name of ['Filter by channel', 'Filter by verdict', 'Filter by network']) {
    await expect(charts.getByRole('list', { name }).getByRole('button')).toHaveCount(0);
  }
  await expect(charts.getByText(/needs the session index/).first()).toBeVisible();

  // A status segment sets Plivo's own `status` filter: a new query, in the URL.
  const statuses = charts.getByRole('list', { name: 'Filter by status' });
  await statuses.getByRole('button', { name: /^Expired/ }).click();
  await expect(page).toHaveURL(/[?&]status=expired/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('expired');
  await expect(page.getByRole('status').filter({ hasText: /^all \d+ session/ })).toBeVisible();
  const shown = await dataRows(page).locator('.cell-status').allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);
  for (const status of shown) expect(status).toBe('expired');

  // A time bucket zooms the window to it.
  await charts.getByText(/^Show the numbers/).click();
  const zoom = charts.getByRole('button', { name: /^Zoom to 19 Nov, 10:2\d/ }).first();
  const bucket = /(\d\d:\d\d) – 19 Nov, (\d\d:\d\d)/.exec(
    (await zoom.getAttribute('aria-label')) ?? '',
  );
  await zoom.click();
  await expect(page).toHaveURL(
    new RegExp(`from=2026-11-19T${bucket?.[1]}:00Z&to=2026-11-19T${bucket?.[2]}:00Z`),
  );
  const inBucket = (created: string) =>
    created.slice(11, 16) >= (bucket?.[1] ?? '') && created.slice(11, 16) < (bucket?.[2] ?? '');
  // The wider window's rows stay on screen until the bucket's reply lands: wait for it.
  await expect
    .poll(async () => {
      const times = await dataRows(page).locator('.cell-created').allInnerTexts();
      return times.length > 0 && times.every(inBucket);
    })
    .toBe(true);
  for (const created of await dataRows(page).locator('.cell-created').allInnerTexts()) {
    expect(inBucket(created)).toBe(true);
  }
});
