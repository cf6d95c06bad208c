import { cellTexts, dataRows, takeExpectedStatus, WINDOW } from './explorer-helpers.ts';
import { expect, test } from './support/test.ts';

test('the session page shows one session in full and goes back to the same results', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/?status=verified&${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  const uuid = (await cellTexts(page, 'session_uuid'))[0]?.replace(/Copy$/, '').trim() ?? '';
  const total = (await cellTexts(page, 'charge'))[0] ?? '';
  await dataRows(page).first().click();
  await page.getByRole('link', { name: 'Open session page' }).click();

  await expect(page).toHaveURL(`/sessions/${uuid}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Session ${uuid}`);
  await expect(page.getByRole('list', { name: 'Attempt timeline' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Charges breakdown' })
      .getByRole('row', { name: /Total \(validation/ }),
  ).toContainText(total);
  const raw = page.locator('pre.raw-json');
  await expect(raw).toContainText(`"session_uuid": "${uuid}"`);
  await page.getByRole('button', { name: 'Copy raw JSON' }).click();
  await expect(page.getByRole('button', { name: 'Copy raw JSON' })).toHaveText('Copied');
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
    session_uuid: string;
  };
  expect(copied.session_uuid).toBe(uuid);

  // History state survives a reload, so "back to results" still knows the filters.
  await page.reload();
  await page.getByRole('link', { name: '← Back to results' }).click();
  await expect(page).toHaveURL(
    /\?status=verified&from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z&open=/,
  );
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('verified');
  await expect(page.getByRole('button', { name: `Details of session ${uuid}` })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
});

test('an unknown session gets a clear not-found page', async ({ page, pageErrors }) => {
  await page.goto('/sessions/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Session not found' })).toBeVisible();
  await expect(
    page.getByText('Plivo has no session with UUID 00000000-0000-4000-8000-000000000000.', {
      exact: false,
    }),
  ).toBeVisible();
  // The browser logs the API's 404 as a console error; that one is expected here.
  expect(takeExpectedStatus(pageErrors, 404)).toBe(1);
});
