import type { Browser, Page } from '@playwright/test';
import { sessionsPageSchema } from '../src/contract/api.ts';
import { statsSchema } from '../src/contract/index-api.ts';
import { toPlivoTime } from '../src/contract/time.ts';
import { dataRows } from './explorer-helpers.ts';
import { SIM_NOW } from './incident-support.ts';
import { INDEX_ORIGIN, waitForIndexDays } from './support/index-server.ts';
import { expect, test } from './support/test.ts';

/**
 * The explorer on the dashboard with the session index on (start-index-server.ts): every
 * window inside the coverage answers at once and exactly, with every filter on the server.
 */
const WEEK = { from: '2026-11-13T12:00:00Z', to: SIM_NOW };
/** The simulator's built-in incident: SMS to India on AirTel undelivered. */
const INCIDENT = { from: '2026-11-19T10:20:00Z', to: '2026-11-19T11:00:00Z' };

const window = (w: { from: string; to: string }) =>
  `session_time__gte=${encodeURIComponent(toPlivoTime(Date.parse(w.from)))}` +
  `&session_time__lt=${encodeURIComponent(toPlivoTime(Date.parse(w.to)))}`;

const filtersOf = (query: string) => new URLSearchParams(query).toString();

/** A page in its own browser context (no cache, no storage), failing on any console error. */
async function freshPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  return page;
}

test.beforeEach(async ({ request }) => {
  test.setTimeout(150_000);
  // Eight days: the week's window starts a little before its first whole day.
  await waitForIndexDays(request, 8);
});

test('a 7-day link: complete charts from /api/stats, no "load all"', async ({ page, request }) => {
  const reply = await request.get(`${INDEX_ORIGIN}/api/stats?${window(WEEK)}&bucket=1d`);
  expect(reply.ok()).toBe(true);
  const stats = statsSchema.parse(await reply.json());
  expect(stats.total).toBeGreaterThan(0);

  await page.goto(`${INDEX_ORIGIN}/?from=${WEEK.from}&to=${WEEK.to}&charts=1`);
  // The index may still be reading older days: it already covers this week.
  await expect(
    page.getByText(/^(Indexed: last \d+ days, as of .+ ago|Indexing: \d+ of 90 days)$/),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Summary/ })).toContainText(
    `all ${stats.total} sessions — exact, from the session index`,
  );
  const charts = page.getByTestId('insight-charts');
  await expect(charts.locator('svg.recharts-surface').first()).toBeVisible();
  expect(await charts.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(5);
  // Day buckets: the numbers under the histogram add up to the exact total.
  await charts.getByText(/^Show the numbers/).click();
  const totals = await charts
    .locator('.insight-buckets tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => Number(r.querySelector('td:nth-last-child(2)')?.textContent ?? 0)),
    );
  expect(totals.reduce((a, b) => a + b, 0)).toBe(stats.total);
  await expect(page.getByRole('button', { name: 'Load all matching' })).toHaveCount(0);
  const loaded = Math.min(stats.total, 500);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^(all [\d,]+ sessions|\d+ of [\d,]+ sessions loaded)/ }),
  ).toHaveText(
    stats.total > 500
      ? `${loaded} of ${stats.total.toLocaleString('en-US')} sessions loaded`
      : `all ${loaded} sessions`,
  );
  await expect(dataRows(page).first()).toBeVisible();
});

test('the incident link in a fresh browser: the same rows and counts as /api/sessions', async ({
  browser,
  request,
}) => {
  const filters = 'network=AirTel&country=IN&verdict=undelivered_all';
  const reply = await request.get(
    `${INDEX_ORIGIN}/api/sessions?${filters}&${window(INCIDENT)}&limit=500`,
  );
  expect(reply.ok()).toBe(true);
  const body = sessionsPageSchema.parse(await reply.json());
  expect(body.meta?.source).toBe('index');
  const total = body.meta?.total ?? -1;
  expect(total).toBeGreaterThan(2);
  expect(body.sessions).toHaveLength(total);

  const errors: string[] = [];
  const page = await freshPage(browser, errors);
  await page.goto(`${INDEX_ORIGIN}/?${filters}&from=${INCIDENT.from}&to=${INCIDENT.to}&charts=1`);
  await expect(page.getByRole('status').filter({ hasText: /^all \d+ sessions/ })).toHaveText(
    `all ${total} sessions`,
  );
  await expect(page.getByRole('heading', { name: /^Summary/ })).toContainText(
    `all ${total} sessions — exact, from the session index`,
  );
  await expect(dataRows(page)).toHaveCount(total);
  const shown = await dataRows(page).locator('.cell-network').allInnerTexts();
  expect(shown.every((n) => n === 'AirTel')).toBe(true);
  const chips = page.getByRole('list', { name: 'Index filters' });
  await expect(chips).toContainText('Network: AirTel');
  await expect(chips).toContainText('Verdict: Undelivered on all attempts');
  const verdicts = page
    .getByTestId('insight-charts')
    .getByRole('list', { name: 'Filter by verdict' });
  await expect(verdicts.getByRole('button')).toHaveText([
    new RegExp(`^Undelivered on all attempts ${total} \\(100\\.0 %\\)`),
  ]);
  await page.context().close();
  expect(errors, 'the page logged errors').toEqual([]);
});

test('an old f_* link opens with server filters, and a verdict click filters on the server', async ({
  page,
}) => {
  await page.goto(
    `${INDEX_ORIGIN}/?country=IN&f_verdict=undelivered_all&from=2026-11-19T10:00:00Z&to=2026-11-19T11:20:00Z&charts=1`,
  );
  await expect(page).toHaveURL(/[?&]verdict=undelivered_all/);
  await expect(page).not.toHaveURL(/f_verdict/);
  await expect(
    page.getByText(/f_verdict=“undelivered_all” is now the server filter/),
  ).toBeVisible();
  const chip = page.getByRole('list', { name: 'Index filters' });
  await expect(chip).toContainText('Verdict: Undelivered on all attempts');
  await chip.getByRole('button', { name: 'Remove Verdict: Undelivered on all attempts' }).click();
  await expect(page).not.toHaveURL(/verdict=/);

  const charts = page.getByTestId('insight-charts');
  const networks = charts.getByRole('list', { name: 'Filter by network' });
  await networks.getByRole('button', { name: /^AirTel/ }).click();
  await expect(page).toHaveURL(/[?&]network=AirTel/);
  await expect(page.getByRole('list', { name: 'Index filters' })).toContainText('Network: AirTel');
  // The previous rows stay on screen until the new answer lands.
  await expect
    .poll(async () => new Set(await dataRows(page).locator('.cell-network').allInnerTexts()))
    .toEqual(new Set(['AirTel']));
});

test('the session page checks with Plivo now and says as of when', async ({ page, request }) => {
  const reply = await request.get(
    `${INDEX_ORIGIN}/api/sessions?${filtersOf('network=AirTel')}&${window(INCIDENT)}&limit=1`,
  );
  const uuid = sessionsPageSchema.parse(await reply.json()).sessions[0]?.sessionUuid ?? '';
  await page.goto(`${INDEX_ORIGIN}/sessions/${uuid}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Session ${uuid}`);
  await page.getByRole('button', { name: 'Check with Plivo now' }).click();
  await expect(
    page.getByText(/^Checked with Plivo: as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Session ${uuid}`);
});
