import { expect, test } from './support/test.ts';

test('the explorer loads with its filters, simulator banner and no errors', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/OTP sessions/);
  await expect(page.getByRole('heading', { level: 1, name: 'OTP sessions' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Simulator mode' })).toContainText('Simulator mode');
  await expect(page.getByRole('search', { name: 'Filters' })).toBeVisible();
  await expect(page.getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'true');
});
