import { VIEWER_ZONE_COOKIE } from '../src/contract/prerender.ts';
import { dataRows, WINDOW } from './explorer-helpers.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

/**
 * Deep links arrive pre-rendered by the server (docs/decisions/0004): rows are in the HTML,
 * and the app takes over from the same data without a blank moment or another list call.
 */
const ROW_WATCH = `(() => {
  window.__rowCounts = [];
  const count = () => document.querySelectorAll('[role="row"][data-row-index]').length;
  new MutationObserver(() => window.__rowCounts.push(count()))
    .observe(document, { childList: true, subtree: true });
})();`;

test('a deep link shows rows as its HTML arrives; the app takes over with no blank moment and no list call', async ({
  page,
}) => {
  await page.addInitScript(ROW_WATCH);
  let listCalls = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/sessions') listCalls++;
  });
  const response = await page.goto(`/?${WINDOW}&status=expired`);
  const html = (await response?.text()) ?? '';
  expect(html.match(/data-row-index="/g)?.length ?? 0).toBeGreaterThan(5);

  // The app hydrated the server's rows: a click expands one.
  const first = dataRows(page).first();
  await first.click();
  await expect(page.getByRole('list', { name: 'Attempt timeline' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const counts = await page.evaluate<number[]>('window.__rowCounts');
  const shown = counts.findIndex((n) => n > 0);
  expect(shown).toBeGreaterThanOrEqual(0);
  expect(Math.min(...counts.slice(shown))).toBeGreaterThan(0);
  expect(listCalls).toBe(0);
  // The app took over the pre-render: the zone picker gets every zone, not only the chosen
  // one (at the first idle moment after hydrating).
  await expect
    .poll(() => page.getByRole('combobox', { name: 'Time zone' }).locator('option').count())
    .toBeGreaterThan(100);
});

test('with JavaScript off, a deep link still shows its sessions', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`/?${WINDOW}&status=expired`);
    // The server's markup as React wrote it, the same the app hydrates.
    const rows = page.locator('#root [role="row"][data-row-index]');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(5);
    await expect(rows.first()).toContainText('expired');
  } finally {
    await context.close();
  }
});

test('after one visit, the server pre-renders in the browser’s own zone', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Kolkata' });
  try {
    const page = await context.newPage();
    await page.goto(`/?${WINDOW}&tz=local`);
    await expect(dataRows(page).first()).toBeVisible();
    // The app reports the zone at its first idle moment (reading it starts Intl).
    await expect
      .poll(async () => (await context.cookies()).some((c) => c.name === VIEWER_ZONE_COOKIE))
      .toBe(true);
    const html = await (await page.request.get(`/?${WINDOW}&tz=local`)).text();
    expect(html).toContain('Asia/Kolkata (local)');
    expect(html).toMatch(/2026-11-20 1[5-7]:\d\d/);
  } finally {
    await context.close();
  }
});

/** Holds the app's code back until `release()`: the moment between rows and a running app. */
async function holdAppCode(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Opens a deep link with the app's code held back; the first row, shown 250 ms ago. */
async function beforeTheApp(page: Page): Promise<() => void> {
  const release = await holdAppCode(page);
  await page.goto(`/?${WINDOW}&status=expired`, { waitUntil: 'commit' });
  await expect(dataRows(page).first()).toBeVisible();
  await page.waitForTimeout(250);
  return release;
}

test('a click on a row before the app has loaded takes effect once it has', async ({ page }) => {
  const release = await beforeTheApp(page);
  await dataRows(page).first().click();
  release();
  await expect(page.getByRole('list', { name: 'Attempt timeline' })).toBeVisible();
  await expect(dataRows(page).first()).toHaveClass(/is-open/);
});

test('a click on a filter before the app has loaded takes effect once it has', async ({ page }) => {
  const release = await beforeTheApp(page);
  await page
    .getByRole('group', { name: 'Relative ranges' })
    .getByRole('button', { name: '7 d' })
    .click();
  release();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page).not.toHaveURL(/from=/);
  await expect(
    page.getByRole('group', { name: 'Relative ranges' }).getByRole('button', { name: '7 d' }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('a filter chosen while the app hydrates takes effect once it has', async ({ page }) => {
  // The moment index.html's script hands its clicks over, hydration starts; the next task
  // (React yields between slices of hydration) chooses a status as the browser does for a
  // person: the select's value, then its input and change events. The CPU is slowed so
  // that hydration takes several slices.
  await page.addInitScript(`(() => {
    let stop;
    const choose = () => {
      window.__choseWhileHydrating = performance.getEntriesByName('app-interactive').length === 0;
      const select = document.getElementById('filter-status');
      select.value = 'expired';
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    Object.defineProperty(window, 'otpEarlyInput', {
      configurable: true,
      get: () => stop && ((part) => { if (part === 'clicks') setTimeout(choose); return stop(part); }),
      set: (value) => { stop = value; },
    });
  })();`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`/?${WINDOW}`);
  await expect
    .poll(() => page.evaluate('window.__choseWhileHydrating'), { timeout: 20_000 })
    .toBe(true);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page).toHaveURL(/[?&]status=expired/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('expired');
});

test('a shortcut pressed before the app has loaded takes effect once it has', async ({ page }) => {
  const release = await beforeTheApp(page);
  await page.keyboard.press('?');
  // Kept, not handled natively: Chromium's find bar or a scroll would take it otherwise.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  release();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('"/" and digits typed before the app has loaded search by those digits once it has', async ({
  page,
}) => {
  const release = await beforeTheApp(page);
  await page.keyboard.press('/');
  await page.keyboard.type('1370');
  release();
  const search = page.getByRole('textbox', { name: 'Recipient' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('1370');
  // The app took them as typed (its draft, not only the field's text): the hint under the
  // box is about "1370" now, no longer the empty box's "Any format…".
  await expect(search).not.toHaveAccessibleDescription(/^Any format/);
  await expect(search).toHaveAccessibleDescription(/\S/);
});

test('hydrates every kind of first screen without a hydration error, in the viewer’s zone and theme', async ({
  browser,
}) => {
  // pageErrors fails the test on any console error: React reports a hydration mismatch there.
  const context = await browser.newContext({ timezoneId: 'Asia/Kolkata' });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(e.message));
    // The first visit has no zone cookie: the server renders UTC, the browser then repaints.
    for (const extra of [
      'tz=local',
      'tz=local&theme=dark',
      'mask=1',
      'view=report',
      'cols=created,status&sort=status',
    ]) {
      await page.goto(`/?${WINDOW}&${extra}`);
      await expect(dataRows(page).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      // The app is live on these very rows: one expands.
      if (!extra.includes('view=report')) {
        await dataRows(page).first().click();
        await expect(page.locator('.detail-row')).toHaveCount(1);
      }
      if (extra.startsWith('tz=local')) {
        await expect(
          page.getByRole('columnheader', { name: /Asia\/Kolkata \(local\)/ }),
        ).toBeVisible();
      }
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the page does not move as the app takes over: layout shift stays under 0.01', async ({
  page,
}) => {
  // Report mode's header is still code-split and arrives after the rows (a shift there).
  for (const extra of ['status=expired', 'status=expired&tz=local&mask=1']) {
    await page.goto(`/?${WINDOW}&${extra}`);
    await expect(dataRows(page).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Shifts already recorded since navigation (buffered), none caused by input.
    const shift = await page.evaluate<number>(`new Promise((done) => {
      let sum = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => done(sum), 500);
    })`);
    expect(shift, extra).toBeLessThanOrEqual(0.01);
  }
});
