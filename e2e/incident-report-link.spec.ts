import type { Page } from '@playwright/test';
import { WINDOW, dataRows } from './explorer-helpers.ts';
import { SIM_NOW } from './incident-support.ts';
import { expect, test } from './support/test.ts';

test.use({ timezoneId: 'America/New_York' });

const fact = (page: Page, term: string) =>
  page
    .getByRole('region', { name: 'Report summary' })
    .locator('dt', { hasText: term })
    .locator('+ dd');

const uuidsOf = (page: Page) =>
  dataRows(page).evaluateAll((rows) =>
    rows.map((row) => row.querySelector('.cell-session_uuid code')?.textContent ?? ''),
  );

test('report mode stamps the view in words, hides the controls and stays light', async ({
  page,
}) => {
  await page.goto(`/?status=expired&${WINDOW}&view=report&theme=dark`);
  const header = page.getByRole('region', { name: 'Report summary' });
  await expect(header).toBeVisible();
  await expect(dataRows(page).first()).toBeVisible();
  const loaded = await page
    .getByRole('status')
    .filter({ hasText: /^all \d+ sessions?/ })
    .innerText();
  const count = Number(/\d+/.exec(loaded)?.[0]);
  // Report mode renders every loaded row, so a screenshot or printout has them all.
  await expect(dataRows(page)).toHaveCount(count);

  await expect(header.getByRole('heading', { level: 2 })).toHaveText('Expired sessions');
  await expect(fact(page, 'Window')).toHaveText('2026-11-20 10:00 – 12:00 UTC (2 hours)');
  await expect(fact(page, 'Your time')).toHaveText(
    '2026-11-20 05:00 – 07:00 America/New_York (UTC-05:00)',
  );
  await expect(fact(page, 'Data as of')).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d America\/New_York\)$/,
  );
  await expect(fact(page, 'Sessions')).toHaveText(
    `all ${count} ${count === 1 ? 'session' : 'sessions'}`,
  );
  const link = header.getByRole('link');
  await expect(link).toHaveAttribute('href', /from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z/);
  await expect(link).toHaveAttribute('href', /status=expired/);
  await expect(link).toHaveAttribute('href', /view=report/);
  await expect(link).not.toHaveAttribute('href', /theme=/);
  await expect(page).toHaveTitle('Expired sessions — OTP sessions');

  // Controls are hidden; only the way back stays.
  await expect(page.getByRole('textbox', { name: 'Recipient' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByRole('switch', { name: /Live/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Leave report mode' })).toBeVisible();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(246, 247, 249)');

  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeVisible();
  await expect(page.getByRole('button', { name: 'Leave report mode' })).toBeHidden();
  expect(await background()).toBe('rgb(255, 255, 255)');

  // Leaving report mode brings the controls and the dark theme back; the stamp goes.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Leave report mode' }).click();
  await expect(page).not.toHaveURL(/view=report/);
  await expect(page.getByRole('textbox', { name: 'Recipient' })).toBeVisible();
  await expect(header).toBeHidden();
  expect(await background()).toBe('rgb(22, 27, 34)');
  // A printout is always self-describing, report mode or not.
  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeVisible();
});

test('a copied link pins the window and reproduces the view a week later', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(new Date(SIM_NOW));
  await page.goto('/?range=1h&status=verified&mask=1&theme=dark&view=report');
  await expect(dataRows(page).first()).toBeVisible();
  const uuids = await uuidsOf(page);
  const windowText = '2026-11-20 11:00 – 12:00 UTC (1 hour)';
  await expect(fact(page, 'Window')).toHaveText(windowText);
  // More match than one page, yet paging controls are not part of a screenshot.
  await expect(fact(page, 'Sessions')).toContainText('more match, not all shown');
  for (const name of ['Load all matching', 'Load more']) {
    await expect(page.getByRole('button', { name, includeHidden: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name, includeHidden: true })).toBeHidden();
  }
  // Masked, the header shows the link as text with no href (it may carry a number).
  await expect(fact(page, 'Link')).toContainText('mask=1');
  await expect(page.getByRole('region', { name: 'Report summary' }).getByRole('link')).toHaveCount(
    0,
  );

  // "y" copies the link (the button is hidden in report mode).
  await page.keyboard.press('y');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^http/);
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(Object.fromEntries(copied.searchParams)).toEqual({
    status: 'verified',
    mask: '1',
    view: 'report',
    from: '2026-11-20T11:00:00Z',
    to: '2026-11-20T12:00:00Z',
  });

  // The button copies the same link; relative on request.
  await page.getByRole('button', { name: 'Leave report mode' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText(
    'Link copied (fixed time window).',
  );
  const fromButton = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(fromButton.searchParams.get('from')).toBe('2026-11-20T11:00:00Z');
  expect(fromButton.searchParams.has('view')).toBe(false);
  await page.getByRole('checkbox', { name: 'Relative time' }).check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const relative = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(relative.searchParams.get('range')).toBe('1h');
  expect(relative.searchParams.has('from')).toBe(false);

  // Opened a week later, the absolute link shows the same window, rows, masking and mode.
  const later = await context.newPage();
  await later.clock.setFixedTime(new Date('2026-11-27T12:00:00Z'));
  await later.goto(copied.pathname + copied.search);
  await expect(dataRows(later).first()).toBeVisible();
  await expect(fact(later, 'Window')).toHaveText(windowText);
  expect(await uuidsOf(later)).toEqual(uuids);
  await expect(dataRows(later).first().locator('.cell-recipient')).toHaveText(/••••\d{4}/);
  await expect(later.getByRole('button', { name: 'Leave report mode' })).toBeVisible();
  await later.close();
});
