import type { SessionsPage } from '../src/contract/api.ts';
import type { Session } from '../src/contract/session.ts';
import { dataRows } from './explorer-helpers.ts';
import type { Page } from '@playwright/test';
import { expect, test, withoutPrerender } from './support/test.ts';

/*
 * UI-only scale test. Loading 10,000 sessions through the real server would take 500 Plivo list
 * calls (25 minutes of the shared budget), so this one spec answers `/api/sessions` in the
 * browser with generated pages of 500. Everything else — the app, routing, /api/health — is real.
 */
const TOTAL = 10_000;
const PAGE = 500;
const BASE = Date.UTC(2026, 10, 20, 12);

function generated(i: number): Session {
  const created = new Date(BASE - i * 7_000).toISOString();
  const instant = `${created.slice(0, 23)}000Z`;
  const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    sessionUuid: uuid,
    appUuid: null,
    alias: 'scale-test',
    recipient: `+9198${String(10_000_000 + i)}`,
    channel: 'sms',
    locale: 'en',
    status: i % 3 === 0 ? 'expired' : 'verified',
    attemptCount: 1,
    requestorIp: null,
    country: 'IN',
    network: 'Jio',
    createdAt: instant,
    updatedAt: instant,
    attempts: [
      {
        attemptUuid: `a-${uuid}`,
        channel: 'sms',
        status: 'delivered',
        time: instant,
        charge: '0.0035',
        brandName: null,
        appHash: null,
        codeLength: 6,
        dtmf: null,
        fraudCheck: null,
      },
    ],
    charges: {
      total: '0.0035',
      validation: '0',
      computedTotal: '0.0035',
      attempts: [{ attemptUuid: `a-${uuid}`, channel: 'sms', charge: '0.0035' }],
    },
    warnings: [],
  };
}

/** Answers `/api/sessions` in the browser: `total` generated sessions in pages of 500. */
async function serveGenerated(page: Page, total: number, onServed = () => {}) {
  await withoutPrerender(page);
  await page.route(
    (url) => url.pathname === '/api/sessions',
    async (route) => {
      const offset = Number(new URL(route.request().url()).searchParams.get('offset') ?? 0);
      const count = Math.min(PAGE, total - offset);
      const body: SessionsPage = {
        sessions: Array.from({ length: count }, (_, k) => generated(offset + k)),
        page: { limit: PAGE, offset, nextOffset: offset + count < total ? offset + count : null },
        problems: [],
        fetchedAt: '2026-11-20T12:00:00.000000Z',
      };
      onServed();
      await route.fulfill({ json: body });
    },
  );
}

test('10,000 loaded rows scroll with at most 60 row elements in the DOM', async ({ page }) => {
  test.setTimeout(120_000);
  let served = 0;
  await serveGenerated(page, TOTAL, () => served++);
  await page.goto('/?from=2026-11-17T00:00:00Z&to=2026-11-20T12:00:00Z');
  await expect(dataRows(page).first()).toBeVisible();

  const scroller = page.locator('.table-scroll');
  const rowElements = () => page.locator('[role="row"]').count();
  // The status line (the report header, hidden here, says the same words).
  const done = page
    .getByRole('status')
    .filter({ hasText: `all ${TOTAL.toLocaleString('en-US')} sessions` });
  let maxRows = 0;
  // Scrolling to the end asks for the next page; keep going until everything is loaded.
  for (let i = 0; i < 200 && !(await done.isVisible()); i++) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForTimeout(40);
    maxRows = Math.max(maxRows, await rowElements());
  }
  await expect(done).toBeVisible();
  expect(served).toBe(TOTAL / PAGE);

  // Jump around the full list: only a window of rows ever exists in the DOM.
  for (const fraction of [0.9, 0.5, 0.25, 0.75, 0.1, 0]) {
    await scroller.evaluate((el, f) => el.scrollTo({ top: f * el.scrollHeight }), fraction);
    await expect(dataRows(page).first()).toBeVisible();
    maxRows = Math.max(maxRows, await rowElements());
  }
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByText('00000000-0000-4000-8000-000000009999')).toBeVisible();
  maxRows = Math.max(maxRows, await rowElements());
  expect(maxRows).toBeGreaterThan(10);
  expect(maxRows).toBeLessThanOrEqual(60);
  console.log(`max row elements in the DOM: ${maxRows}`);
});

/**
 * Scrolls the table `frames` animation frames, `step` px a frame (null: one screen a frame),
 * and counts in each frame the rows drawn as placeholders and the rows drawn whole.
 */
function scrollFrames(page: Page, step: number | null, frames: number) {
  return page.locator('.table-scroll').evaluate(
    (el, { px, count }) =>
      new Promise<{ placeholders: number; rows: number }[]>((done) => {
        const seen: { placeholders: number; rows: number }[] = [];
        const tick = () => {
          seen.push({
            placeholders: el.querySelectorAll('.row-placeholder').length,
            rows: el.querySelectorAll('.table-body [role="row"]').length,
          });
          if (seen.length > count) return done(seen);
          el.scrollTop += px ?? el.clientHeight;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { px: step, count: frames },
  );
}

test('a fling draws placeholders while it lasts; a wheel, a page jump and the stop show rows', async ({
  page,
}) => {
  await serveGenerated(page, PAGE);
  await page.goto('/?from=2026-11-17T00:00:00Z&to=2026-11-20T12:00:00Z');
  await expect(dataRows(page).first()).toBeVisible();
  const placeholders = page.locator('.row-placeholder');

  // Wheel speed (120 px a frame, ~7,000 px/s): every frame is made of readable rows.
  const wheel = await scrollFrames(page, 120, 40);
  expect(wheel.filter((f) => f.placeholders > 0)).toEqual([]);

  // One jump of a screen (Page Down, a click on the scroll track): rows, not placeholders.
  const jump = await scrollFrames(page, null, 1);
  await page.waitForTimeout(300);
  expect(jump.filter((f) => f.placeholders > 0)).toEqual([]);
  await expect(placeholders).toHaveCount(0);

  // A fling: a new screen every frame. Its frames draw placeholders instead of rows...
  const fling = await scrollFrames(page, null, 12);
  expect(fling.some((f) => f.placeholders > 0 && f.rows === 0)).toBe(true);
  // ...and once it stops, the rows in view are whole again, text and all.
  await expect(placeholders).toHaveCount(0);
  await expect(dataRows(page).first()).toBeVisible();
  const top = await page.locator('.table-scroll').evaluate((el) => el.scrollTop);
  const index = Math.ceil(top / 41);
  await expect(page.getByText(generated(index).sessionUuid)).toBeVisible();
});
