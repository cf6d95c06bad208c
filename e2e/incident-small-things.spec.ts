import { cellTexts, dataRows, takeExpectedStatus, WINDOW } from './explorer-helpers.ts';
import { expect, test } from './support/test.ts';

test('a mistyped session link says it is not a session id, without asking Plivo', async ({
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/sessions/')) asked.push(request.url());
  });
  await page.goto('/sessions/not-a-uuid');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Not a session id' })).toBeVisible();
  await expect(alert).toContainText('not-a-uuid is not a session UUID');
  await expect(alert).not.toContainText('filter value');
  await alert.getByRole('link', { name: 'Go to the sessions explorer' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(asked).toEqual([]);
});

test('an unknown address gets the styled not-found page with a way back, status 404', async ({
  page,
  pageErrors,
}) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // Styled by the app's own sheet: the panel has its border, not the browser's defaults.
  const border = await page.locator('.panel').evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(border).toBe('solid');
  takeExpectedStatus(pageErrors, 404);
  await page.getByRole('link', { name: 'Go to the sessions explorer' }).click();
  await expect(page.getByRole('heading', { name: 'OTP sessions' })).toBeVisible();
});

test('the session page follows the app’s theme, not only the system’s', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  await page.getByRole('radio', { name: 'Dark' }).check();
  const uuid = (await cellTexts(page, 'session_uuid'))[0]?.replace(/Copy$/, '').trim() ?? '';
  // Opened on its own (a pasted link), the page takes the theme chosen before…
  await page.goto(`/sessions/${uuid}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Session ${uuid}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(22, 27, 34)');
  // …and the link's own `theme` wins.
  await page.goto(`/sessions/${uuid}?theme=light`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Session ${uuid}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('a number that cannot be searched clears the results and says why', async ({ page }) => {
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Recipient' });
  await box.fill('+1 415');
  const alert = page.getByRole('alert', { name: 'Not searched' });
  await expect(alert).toContainText('+1415 is too short to be a phone number there.');
  await expect(dataRows(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Results' })).toHaveCount(0);
  // Cleared, every session of the window is back.
  await box.fill('');
  await expect(alert).toHaveCount(0);
  await expect(dataRows(page).first()).toBeVisible();
});

test('a national number is read in the picked country', async ({ page }) => {
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Recipient' });
  await box.fill('(404) 548-4770');
  await expect(page.getByRole('alert', { name: 'Not searched' })).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Country of numbers typed without a country code' })
    .selectOption('US');
  await expect(page).toHaveURL(/recipient=%2B14045484770/);
  await expect(page.getByRole('alert', { name: 'Not searched' })).toHaveCount(0);
  await expect(page.getByText('+14045484770 · US')).toBeVisible();
});
