import type { Locator, Page } from '@playwright/test';
import { changesSchema } from '../src/contract/changes.ts';
import { toPlivoTime } from '../src/contract/time.ts';
import { INDEX_ORIGIN, waitForIndexDays } from './support/index-server.ts';
import { expect, test } from './support/test.ts';

/**
 * Incident review on the dashboard with the session index (start-index-server.ts): "What
 * changed" names the simulator's built-in incident (2026-11-19 10:20–11:00 UTC, SMS to India on
 * AirTel undelivered) and nothing on quiet windows; the time chart selects, zooms out and
 * steps through windows, all in the URL.
 */
const AROUND = { from: '2026-11-19T10:00:00Z', to: '2026-11-19T11:20:00Z' };
// charts=1: the charts and the "What changed" panel are folded away by default.
const link = (w: { from: string; to: string }, extra = '') =>
  `${INDEX_ORIGIN}/?from=${w.from}&to=${w.to}&charts=1${extra}`;
/** A window in the address: the app writes its colons plain, so the link reads as typed. */
const inUrl = (w: { from: string; to: string }) => new RegExp(`from=${w.from}&to=${w.to}`);

const panel = (page: Page) => page.getByRole('region', { name: 'What changed' });
/** The panel's answer changes the page's height: point at the chart once it is in. */
const settled = (page: Page) =>
  expect(panel(page)).not.toContainText('Comparing…', { timeout: 20_000 });
const charts = (page: Page) => page.getByTestId('insight-charts');
const histogram = (page: Page) =>
  charts(page).getByRole('img', { name: /^Sessions per .* by status/ });

/** The x of bucket `i` of `n` in the histogram's plot area, and a y inside it (in view). */
async function bucketPoint(chart: Locator, i: number, n: number) {
  await chart.scrollIntoViewIfNeeded();
  const grid = await chart.locator('.recharts-cartesian-grid').boundingBox();
  if (!grid) throw new Error('no plot area');
  return { x: grid.x + ((i + 0.5) * grid.width) / n, y: grid.y + grid.height - 4 };
}

test.beforeEach(async ({ request }) => {
  test.setTimeout(150_000);
  // The quiet day (17 Nov) is compared with the day before it.
  await waitForIndexDays(request, 5);
});

test('the incident: "What changed" names SMS to IN · AirTel first, and one click filters to it', async ({
  page,
  request,
}) => {
  const reply = await request.get(
    `${INDEX_ORIGIN}/api/changes?session_time__gte=${encodeURIComponent(toPlivoTime(Date.parse(AROUND.from)))}&session_time__lt=${encodeURIComponent(toPlivoTime(Date.parse(AROUND.to)))}`,
  );
  expect(reply.ok()).toBe(true);
  const first = changesSchema.parse(await reply.json()).changes[0];
  expect(first).toMatchObject({ key: 'IN · AirTel', measure: 'sms_undelivered' });

  await page.goto(link(AROUND));
  const items = panel(page).getByRole('listitem');
  await expect(items.first()).toContainText(
    `SMS to IN · AirTel: 100 % undelivered 10:20–10:55 (${first?.span?.count} of ${first?.span?.of} sessions)`,
    { timeout: 20_000 },
  );
  await expect(items.first()).toContainText(/the day before: \d+(\.\d)? % \(\d+ of \d+\)/);
  await items.first().getByRole('button', { name: 'Filter to IN · AirTel' }).click();
  await expect(page).toHaveURL(/[?&]country=IN&.*network=AirTel/);
  await expect(page.getByRole('list', { name: 'Index filters' })).toContainText('Network: AirTel');
  // The failure share of that segment over time peaks inside the incident.
  const failed = charts(page).getByRole('img', {
    name: /^Failed percentage per bucket of IN · AirTel/,
  });
  await expect(failed).toHaveAttribute('aria-label', /Highest: 100 % at 19 Nov, 10:[2-5]\d/);
});

test('quiet windows name nothing', async ({ page }) => {
  for (const quiet of [
    { from: '2026-11-18T10:00:00Z', to: '2026-11-18T11:20:00Z' },
    { from: '2026-11-17T00:00:00Z', to: '2026-11-18T00:00:00Z' },
  ]) {
    await page.goto(link(quiet));
    await expect(panel(page).getByRole('status')).toHaveText(
      /^Nothing moved beyond chance against the day before \(\d+ comparisons/,
      { timeout: 20_000 },
    );
    await expect(panel(page).getByRole('listitem')).toHaveCount(0);
  }
});

test('drag across the time chart selects a range; zoom out ×2 restores the window', async ({
  page,
}) => {
  await page.goto(link(AROUND));
  const chart = histogram(page);
  await expect(chart.locator('.recharts-cartesian-grid')).toBeVisible({ timeout: 15_000 });
  await settled(page);
  // 80 one-minute buckets: drag from 10:20 to 10:59.
  const start = await bucketPoint(chart, 20, 80);
  const end = await bucketPoint(chart, 59, 80);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(inUrl({ from: '2026-11-19T10:20:00Z', to: '2026-11-19T11:00:00Z' }));

  await charts(page).getByRole('button', { name: 'Zoom out ×2' }).click();
  await expect(page).toHaveURL(inUrl(AROUND));
  await charts(page).getByRole('button', { name: '← Previous window' }).click();
  await expect(page).toHaveURL(inUrl({ from: '2026-11-19T08:40:00Z', to: '2026-11-19T10:00:00Z' }));
  await page.goBack();
  await expect(page).toHaveURL(inUrl(AROUND));
});

test('a click on any stacked part of a bucket zooms to that bucket', async ({ page }) => {
  const day = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };
  await page.goto(link(day));
  const chart = histogram(page);
  await expect(chart.locator('.recharts-cartesian-grid')).toBeVisible({ timeout: 15_000 });
  await settled(page);
  // 15-minute buckets: every drawn part of the 10:15 bucket (verified, expired) is a target.
  const column = (await bucketPoint(chart, 41, 96)).x;
  const boxes = await chart.locator('.recharts-bar-rectangle path').evaluateAll((paths) =>
    paths.map((p) => {
      const r = p.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, h: r.height };
    }),
  );
  const parts = boxes.filter((b) => Math.abs(b.x - column) < 2 && b.h >= 2);
  expect(parts.length).toBeGreaterThanOrEqual(2);
  for (const part of parts) {
    await page.mouse.click(part.x, part.y);
    await expect(page).toHaveURL(
      inUrl({ from: '2026-11-19T10:15:00Z', to: '2026-11-19T10:30:00Z' }),
    );
    await page.goBack();
    await expect(page).toHaveURL(inUrl(day));
    await expect(chart.locator('.recharts-cartesian-grid')).toBeVisible();
  }
});

test('charts use the dark theme tokens', async ({ page }) => {
  await page.goto(link(AROUND, '&theme=dark'));
  const bars = histogram(page).locator('.recharts-bar-rectangle path');
  await expect(bars.first()).toBeAttached();
  const token = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--status-verified').trim(),
  );
  expect(token).toBe('#33c49a');
  // The verified parts take the dark token; the light theme's #009e73 is nowhere.
  const fills = await bars.evaluateAll((paths) => paths.map((p) => getComputedStyle(p).fill));
  expect(fills).toContain('rgb(51, 196, 154)');
  expect(fills).not.toContain('rgb(0, 158, 115)');
});
