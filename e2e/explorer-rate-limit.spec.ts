import { dataRows, takeExpectedStatus } from './explorer-helpers.ts';
import { expect, test } from './support/test.ts';

test.afterEach(async ({ request }) => {
  await request.delete('/__sim/faults');
});

test('a Plivo rate limit shows a countdown, then the results arrive by themselves', async ({
  page,
  request,
  pageErrors,
}) => {
  test.setTimeout(60_000);
  // The simulator refuses the next list call with Plivo's 429; the server then pauses its
  // calls and answers rate_limited with the pause, which the page counts down and retries.
  const fault = await request.post('/__sim/faults', {
    data: { kind: 'rate-limit', count: 1, target: 'list' },
  });
  expect(fault.ok()).toBe(true);
  // A window no other spec asks for, so the server's cache cannot answer it.
  await page.goto('/?from=2026-11-20T08:00:00Z&to=2026-11-20T09:00:00Z');
  const wait = page.getByRole('status').filter({ hasText: /for the Plivo rate limit/ });
  await expect(wait).toContainText(/Waiting \d+ s for the Plivo rate limit/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(dataRows(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(wait).toHaveCount(0);
  // Chromium logs each 429 reply as a console error; those are the expected ones here.
  expect(takeExpectedStatus(pageErrors, 429)).toBeGreaterThanOrEqual(1);
});
