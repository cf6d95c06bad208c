import { SIM_NOW, WINDOW, openHarness, sessionRows } from './incident-support.ts';
import { expect, test } from './support/test.ts';

test.use({ timezoneId: 'America/New_York' });

const fact = (page: import('@playwright/test').Page, term: string) =>
  page
    .getByRole('region', { name: 'Report summary' })
    .locator('dt', { hasText: term })
    .locator('+ dd');

test('report mode stamps the view in words, hides the controls and stays light', async ({
  page,
}) => {
  await openHarness(page, `${WINDOW}&status=expired&view=report&theme=dark`);
  const header = page.getByRole('region', { name: 'Report summary' });
  await expect(header).toBeVisible();
  await expect(sessionRows(page).first()).toBeVisible();
  const rows = await sessionRows(page).count();

  await expect(header.getByRole('heading', { level: 2 })).toHaveText('Expired sessions');
  await expect(fact(page, 'Window')).toHaveText('2026-11-20 10:00 – 12:00 UTC (2 hours)');
  await expect(fact(page, 'Your time')).toHaveText(
    '2026-11-20 05:00 – 07:00 America/New_York (UTC-05:00)',
  );
  await expect(fact(page, 'Data as of')).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d America\/New_York\)$/,
  );
  await expect(fact(page, 'Sessions')).toHaveText(
    new RegExp(`^${rows} sessions? (— all that match|loaded — more match, not all shown)$`),
  );
  const link = header.getByRole('link');
  await expect(link).toHaveAttribute(
    'href',
    /from=2026-11-20T10%3A00%3A00Z&to=2026-11-20T12%3A00%3A00Z/,
  );
  await expect(link).toHaveAttribute('href', /status=expired/);
  await expect(link).toHaveAttribute('href', /view=report/);
  await expect(link).not.toHaveAttribute('href', /theme=/);

  // Controls are hidden; only the way back stays.
  await expect(page.getByRole('textbox', { name: 'Recipient' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByRole('switch', { name: /Live/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Leave report mode' })).toBeVisible();
  // Light even though the URL asks for dark: screenshots go into light documents.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(255, 255, 255)');

  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeVisible();
  await expect(page.getByRole('button', { name: 'Leave report mode' })).toBeHidden();

  // Leaving report mode brings the controls and the dark theme back; the stamp goes.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Leave report mode' }).click();
  await expect(page).not.toHaveURL(/view=report/);
  await expect(page.getByRole('textbox', { name: 'Recipient' })).toBeVisible();
  await expect(header).toBeHidden();
  expect(await background()).toBe('rgb(13, 17, 23)');
  // A printout is always self-describing, report mode or not.
  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeVisible();
  expect(await background()).toBe('rgb(255, 255, 255)');
});

test('a copied link pins the window and reproduces the view a week later', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(new Date(SIM_NOW));
  await openHarness(page, 'range=1h&status=verified&mask=1&theme=dark&view=report');
  await expect(sessionRows(page).first()).toBeVisible();
  const uuids = await sessionRows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset['uuid']));
  const windowText = '2026-11-20 11:00 – 12:00 UTC (1 hour)';
  await expect(fact(page, 'Window')).toHaveText(windowText);

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
  await page.getByRole('checkbox', { name: 'Relative time' }).check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const relative = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(relative.searchParams.get('range')).toBe('1h');
  expect(relative.searchParams.has('from')).toBe(false);

  // Opened a week later, the absolute link shows the same window, rows, masking and mode.
  const later = await context.newPage();
  await later.clock.setFixedTime(new Date('2026-11-27T12:00:00Z'));
  await openHarness(later, copied.search.slice(1));
  await expect(sessionRows(later).first()).toBeVisible();
  await expect(fact(later, 'Window')).toHaveText(windowText);
  expect(
    await sessionRows(later).evaluateAll((trs) => trs.map((tr) => tr.dataset['uuid'])),
  ).toEqual(uuids);
  await expect(sessionRows(later).first().locator('td').nth(1)).toHaveText(/••••\d{4}$/);
  await later.close();
});
