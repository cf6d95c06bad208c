import { dataRows, WINDOW } from './explorer-helpers.ts';
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

  // The app is in charge once a row expands (the server's HTML has no handlers).
  const first = dataRows(page).first();
  await first.click();
  await expect(page.getByRole('list', { name: 'Attempt timeline' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const counts = await page.evaluate<number[]>('window.__rowCounts');
  const shown = counts.findIndex((n) => n > 0);
  expect(shown).toBeGreaterThanOrEqual(0);
  expect(Math.min(...counts.slice(shown))).toBeGreaterThan(0);
  expect(listCalls).toBe(0);
  // The app replaced the pre-render: the zone picker has every zone, not only the chosen one.
  expect(
    await page.getByRole('combobox', { name: 'Time zone' }).locator('option').count(),
  ).toBeGreaterThan(100);
});

test('with JavaScript off, a deep link still shows its sessions', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`/?${WINDOW}&status=expired`);
    // Inert (nothing would answer a click without the app), so found by markup, not by role.
    const rows = page.locator('.prerendered[inert] [role="row"][data-row-index]');
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
    const html = await (await page.request.get(`/?${WINDOW}&tz=local`)).text();
    expect(html).toContain('Asia/Kolkata (local)');
    expect(html).toMatch(/2026-11-20 1[5-7]:\d\d/);
  } finally {
    await context.close();
  }
});
