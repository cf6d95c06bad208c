import type { Page, TestInfo } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { COLUMN_IDS } from '../src/contract/explorer-vocabulary.ts';
import { COLUMN_LABELS } from '../src/web/lib/explorer-labels.ts';
import { WINDOW, dataRows } from './explorer-helpers.ts';
import { INDEX_ORIGIN, waitForIndexDays } from './support/index-server.ts';
import { expect, test } from './support/test.ts';

/** Yesterday 10:00–12:00 UTC on the index's dashboard: about 170 sessions, many pages. */
const REPORT = `${INDEX_ORIGIN}/?from=2026-11-19T10:00:00Z&to=2026-11-19T12:00:00Z&view=report`;

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Kept in test-results (and attached to the report) for a person to look at. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`at ${width}×${height} the first rows show without scrolling, none sideways`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`/?${WINDOW}&theme=${theme}`);
      const first = dataRows(page).first();
      await expect(first).toBeVisible();
      await expect(page.getByRole('button', { name: 'Show charts' })).toBeVisible();
      const box = await first.boundingBox();
      expect(box, 'the first row has a box').not.toBeNull();
      expect((box?.y ?? height) + (box?.height ?? 0)).toBeLessThanOrEqual(height);
      expect(await noSideScroll(page)).toBe(true);
      // Every chosen column is either in the table, whole-width, or named as hidden to fit.
      const shown = await page.getByRole('columnheader').allInnerTexts();
      const note = (await page.getByText(/^Hidden to fit the window:/).allInnerTexts()).join('');
      for (const id of COLUMN_IDS) {
        const label = COLUMN_LABELS[id];
        const inTable = shown.some((h) => h.replace(/\s+/g, ' ').startsWith(label));
        expect(inTable || note.includes(label), `${label} is shown or named`).toBe(true);
      }
      await attachScreenshot(page, testInfo, `explorer-${width}x${height}-${theme}.png`);
    }
  });
}

test('at 800×900 the explorer is usable: no sideways scroll, core columns kept', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 800, height: 900 });
  for (const theme of ['light', 'dark'] as const) {
    await page.goto(`/?${WINDOW}&theme=${theme}`);
    await expect(dataRows(page).first()).toBeVisible();
    expect(await noSideScroll(page)).toBe(true);
    const table = page.getByRole('table', { name: 'Sessions' });
    for (const name of ['Created (UTC)', 'Recipient', 'Status', 'Verdict'])
      await expect(table.getByRole('columnheader', { name })).toBeVisible();
    await expect(page.getByText(/^Hidden to fit the window: .*Session UUID/)).toBeVisible();
    // What a column gave way for is in the row's details.
    await dataRows(page).first().click();
    const facts = page.getByRole('definition').filter({ hasText: /^[0-9a-f]{8}-/ });
    await expect(facts.first()).toBeVisible();
    await attachScreenshot(page, testInfo, `explorer-800x900-${theme}.png`);
    await dataRows(page).first().click();
  }
});

test('the charts fold away and back, and the link remembers', async ({ page }) => {
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verdicts' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show charts' }).click();
  await expect(page).toHaveURL(/charts=1/);
  await expect(page.getByRole('heading', { name: 'Verdicts' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Verdicts' })).toBeVisible();
  await page.getByRole('button', { name: 'Hide charts' }).click();
  await expect(page).not.toHaveURL(/charts=/);
  await expect(page.getByRole('heading', { name: 'Verdicts' })).toHaveCount(0);
});

/** The text of each page of a PDF, whitespace removed (a header may wrap onto two lines). */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    pages.push(text.replace(/\s+/g, ''));
  }
  return pages;
}

for (const format of ['A4', 'Letter'] as const) {
  test(`a report prints on ${format} landscape with every column header on every page`, async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(150_000);
    await waitForIndexDays(request, 2);
    await page.goto(REPORT);
    await expect(dataRows(page).first()).toBeVisible();
    const header = page.getByRole('region', { name: 'Report summary' });
    await expect(header.locator('dt', { hasText: 'Data as of' }).locator('+ dd')).toHaveText(/UTC/);
    const total = await dataRows(page).count();
    expect(total).toBeGreaterThan(100);
    await expect(header.locator('dt', { hasText: 'Sessions' }).locator('+ dd')).toHaveText(
      `all ${total} sessions`,
    );
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format, landscape: true, preferCSSPageSize: false });
    await testInfo.attach(`report-${format}.pdf`, { body: pdf, contentType: 'application/pdf' });
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    // Page 1: the report header, with the window in UTC, "data as of", the count and the link.
    expect(pages[0]).toContain('OTPSESSIONSREPORT');
    expect(pages[0]).toContain('2026-11-1910:00–12:00UTC');
    expect(pages[0]).toContain(`all${total}sessions`);
    expect(pages[0]).toContain('view=report');
    // Every page that carries rows starts with the table's header row, every column in it.
    const labels = COLUMN_IDS.map((id) => COLUMN_LABELS[id].replace(/\s+/g, ''));
    const tablePages = pages.filter((text) => /2026-11-19\d\d:\d\d:\d\d\+/.test(text));
    expect(tablePages.length).toBeGreaterThan(2);
    for (const [n, text] of tablePages.entries())
      for (const label of labels) expect(text, `page ${n + 1} has “${label}”`).toContain(label);
    // And every row printed: each session's UUID is somewhere in the PDF.
    const uuids = await dataRows(page).evaluateAll((rows) =>
      rows.map((row) => row.querySelector('.cell-session_uuid code')?.textContent ?? ''),
    );
    const all = pages.join('');
    for (const uuid of uuids) expect(all).toContain(uuid);
  });
}
