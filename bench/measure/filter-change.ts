import { NO_PRERENDER_HEADER } from '../../src/contract/prerender.ts';
import type { Browser, Page } from '@playwright/test';
import { makeSessions, pageOf } from '../lib/api-pages.ts';
import { waitInPage } from '../lib/page-wait.ts';
import type { Figure } from '../lib/report.ts';
import { median, round } from '../lib/stats.ts';

/**
 * Changes the "Status" filter in the page and resolves with the ms until the frame after the
 * table shows `expected` in its first data row (found by label, like a user would).
 */
const CHANGE_STATUS = `async ({ value, expected }) => {
  const select = [...document.querySelectorAll('select')].find((s) =>
    [...s.labels].some((l) => l.textContent.trim() === 'Status'));
  if (!select) throw new Error('no select labelled "Status"');
  const firstRow = () => {
    for (const cell of document.querySelectorAll('[role="row"] > [role="cell"]')) {
      if ((cell.textContent || '').trim()) return cell.closest('[role="row"]').textContent;
    }
    return '';
  };
  const started = performance.now();
  const shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (firstRow() === expected) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await shown;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return performance.now() - started;
}`;

const FIRST_ROW_TEXT = `(() => {
  for (const cell of document.querySelectorAll('[role="row"] > [role="cell"]')) {
    if ((cell.textContent || '').trim()) return cell.closest('[role="row"]').textContent;
  }
  return '';
})()`;

/** `/api/sessions` from memory, honouring `status` and `offset`, 20 a page like the server. */
async function routeByStatus(page: Page, total: number): Promise<void> {
  const sessions = makeSessions(total, Date.now());
  // The UI only: no server pre-render, every list page comes from here.
  await page.setExtraHTTPHeaders({ [NO_PRERENDER_HEADER]: 'off' });
  await page.route(/\/api\/sessions(\?|$)/, async (route) => {
    const url = new URL(route.request().url());
    const status = url.searchParams.get('status');
    const rows = status ? sessions.filter((s) => s.status === status) : sessions;
    await route.fulfill({ json: pageOf(rows, Number(url.searchParams.get('offset') ?? 0), 20) });
  });
}

async function firstRowFor(page: Page, status: string): Promise<string> {
  const reply = page.waitForResponse((r) => r.url().includes(`status=${status}`));
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption(status);
  await reply;
  // Two frames: React has committed the rows of the reply.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return page.evaluate<string>(FIRST_ROW_TEXT);
}

export type FilterChangeResult = { samples: number[] };

/** Loads both statuses once (so both are cached), then times switching between them. */
export async function measureFilterChange(
  browser: Browser,
  origin: string,
  runs: number,
): Promise<FilterChangeResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await routeByStatus(page, 2_000);
    await page.goto(`${origin}/?range=24h`);
    await waitInPage(page, `${FIRST_ROW_TEXT}.length > 0`);
    const expired = await firstRowFor(page, 'expired');
    const verified = await firstRowFor(page, 'verified');
    if (!expired || expired === verified)
      throw new Error('the two filters show the same first row');
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [value, expected] = i % 2 === 0 ? ['expired', expired] : ['verified', verified];
      const run = `(${CHANGE_STATUS})(${JSON.stringify({ value, expected })})`;
      samples.push(await page.evaluate<number>(run));
    }
    return { samples };
  } finally {
    await context.close();
  }
}

export function filterChangeFigures(r: FilterChangeResult): Figure[] {
  return [
    {
      group: 'filter change (cached)',
      label: 'status change → updated table, median',
      value: round(median(r.samples)),
      unit: 'ms',
      note: `${r.samples.length} runs, to the next frame; UI only (/api from page.route)`,
    },
  ];
}
