import { expect, test } from './support/test.ts';

test('the app loads with its title and no errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'OTP sessions' })).toBeVisible();
  await expect(page).toHaveTitle(/OTP sessions/);
});
