import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

/**
 * Accessibility of every screen in both themes: axe finds no serious or critical violation,
 * and every control can be reached with Tab (roving-focus widgets — the table's rows, a radio
 * group — count once, as the keyboard pattern intends) and the table works from the keyboard.
 * Runs on the e2e server (simulator with a fixed clock at 2026-11-20T12:00Z); the window is
 * the one the other specs use, so the server's cache answers and the list budget is spared.
 */
const WINDOW = 'from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z';
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

async function open(page: Page, path: string, theme: Theme): Promise<void> {
  // The URL parameter is the app's own theme choice; the media emulation covers "system".
  await page.emulateMedia({ colorScheme: theme });
  const sep = path.includes('?') ? '&' : '?';
  await page.goto(`${path}${sep}theme=${theme}`);
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 3);
      // The first node's summary says what to fix (e.g. the measured contrast ratio).
      const why = (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300);
      return `${v.impact} ${v.id}: ${v.help} — ${where.join(', ')} — ${why}`;
    });
  // Soft: the keyboard checks still run and report when axe finds something.
  expect.soft(serious).toEqual([]);
}

/**
 * Marks every visible, enabled, tabbable control, then presses Tab from the top of a freshly
 * loaded page (nothing focused yet) until focus leaves the page after the last one, and
 * returns the controls never reached. Radios count by group (arrow keys move inside a group).
 */
async function unreachableByTab(page: Page): Promise<string[]> {
  const total = await page.evaluate(`(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    let n = 0;
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el);
      const hidden = !el.getClientRects().length || style.visibility === 'hidden';
      // A closed <details> keeps its content out of the tab order (its summary stays in).
      const folded = el.tagName !== 'SUMMARY' && el.closest('details:not([open])');
      if (hidden || folded || el.disabled || el.tabIndex < 0 || el.closest('[inert]')) continue;
      const key = el.type === 'radio' && el.name ? 'radio:' + el.name : 'c' + n;
      el.setAttribute('data-a11y-key', key);
      n++;
    }
    return n;
  })()`);
  const reached = new Set<string>();
  for (let i = 0; i < Number(total) * 2 + 10; i++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate<string | null>(
      `document.activeElement === document.body ? 'END' : document.activeElement?.getAttribute('data-a11y-key') ?? null`,
    );
    // Past the last control focus leaves the page: the walk is complete.
    if (key === 'END' && reached.size > 0) break;
    if (key && key !== 'END') reached.add(key);
  }
  return page.evaluate<string[]>(`[...document.querySelectorAll('[data-a11y-key]')]
    .filter((el) => !${JSON.stringify([...reached])}.includes(el.getAttribute('data-a11y-key')))
    .map((el) => el.outerHTML.slice(0, 120))`);
}

const table = (page: Page) => page.getByRole('table', { name: 'Sessions' });
/** The first data row: a row with cells, in the virtual table or report mode's `<table>`. */
const firstRow = (page: Page) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .first();

async function firstSessionUuid(page: Page): Promise<string> {
  const label = await firstRow(page)
    .getByRole('button', { name: /^Details of session/ })
    .getAttribute('aria-label');
  const uuid = /([0-9a-f-]{36})/.exec(label ?? '')?.[1];
  if (!uuid) throw new Error(`no session uuid in "${label}"`);
  return uuid;
}

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    // axe on a full table and a Tab walk over every control take a while on two cores.
    test.describe.configure({ timeout: 60_000 });
    test('the explorer has no serious violations and every control is reachable', async ({
      page,
    }) => {
      await open(page, `/?${WINDOW}`, theme);
      await expect(firstRow(page)).toBeVisible();
      await expectNoSeriousViolations(page);
      expect(await unreachableByTab(page)).toEqual([]);
    });

    test('an expanded row has no serious violations and works from the keyboard', async ({
      page,
    }) => {
      await open(page, `/?${WINDOW}`, theme);
      const row = firstRow(page);
      const expand = row.getByRole('button', { name: /^Details of session/ });
      await row.focus();
      await page.keyboard.press('Enter');
      await expect(expand).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(expand).toHaveAttribute('aria-expanded', 'false');
      // The same expanded row from its link, with nothing focused yet, for axe and the Tab walk.
      const uuid = await firstSessionUuid(page);
      await open(page, `/?${WINDOW}&open=${uuid}`, theme);
      await expect(expand).toHaveAttribute('aria-expanded', 'true');
      await expectNoSeriousViolations(page);
      expect(await unreachableByTab(page)).toEqual([]);
    });

    test('the session page has no serious violations and every control is reachable', async ({
      page,
    }) => {
      await open(page, `/?${WINDOW}`, theme);
      await expect(firstRow(page)).toBeVisible();
      const uuid = await firstSessionUuid(page);
      await open(page, `/sessions/${uuid}`, theme);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(uuid).first()).toBeVisible();
      await expectNoSeriousViolations(page);
      expect(await unreachableByTab(page)).toEqual([]);
    });

    test('report mode has no serious violations and every control is reachable', async ({
      page,
    }) => {
      await open(page, `/?${WINDOW}&view=report`, theme);
      await expect(firstRow(page)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-view', 'report');
      await expect(page.getByRole('region', { name: 'Report summary' })).toBeVisible();
      await expectNoSeriousViolations(page);
      expect(await unreachableByTab(page)).toEqual([]);
    });
  });
}
