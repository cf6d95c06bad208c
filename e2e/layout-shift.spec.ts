import type { Page } from '@playwright/test';
import { WINDOW, dataRows } from './explorer-helpers.ts';
import { expect, test } from './support/test.ts';

/**
 * A deep link's first paint is the server's pre-render; nothing may move after it (issue #12:
 * cumulative layout shift ≤ 0.01 in Lighthouse). The columns that fit, and report mode's
 * header, are decided before the app runs, at any window width: the table's fit is CSS, not
 * a width measured after hydration (column-widths.ts), and the header is pre-rendered.
 */
const SHIFT_WATCH = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources || []).map((s) =>
        s.node && s.node.nodeType === 1 ? s.node.className || s.node.nodeName : '#text');
      window.__shifts.push({ value: entry.value, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

type Shift = { value: number; sources: string[] };

async function shiftsAfterHydration(page: Page, path: string): Promise<Shift[]> {
  await page.addInitScript(SHIFT_WATCH);
  await page.goto(path);
  await expect(dataRows(page).first()).toBeVisible();
  // Hydrated (main.tsx marks it), and a moment for anything still to land.
  await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return page.evaluate<Shift[]>('window.__shifts');
}

const total = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0);

// Lighthouse's desktop width, and one wider than the widths the server once assumed.
for (const width of [1350, 1920]) {
  test(`at ${width} px a deep link does not move as the app takes over`, async ({ page }) => {
    await page.setViewportSize({ width, height: 940 });
    const shifts = await shiftsAfterHydration(page, `/?${WINDOW}&status=verified`);
    expect(total(shifts), JSON.stringify(shifts)).toBeLessThan(0.001);
  });
}

test('report mode’s header is in the first paint: nothing moves down after it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 940 });
  const shifts = await shiftsAfterHydration(page, `/?${WINDOW}&status=verified&view=report`);
  await expect(page.getByRole('region', { name: 'Report summary' })).toBeVisible();
  expect(total(shifts), JSON.stringify(shifts)).toBeLessThan(0.001);
});
