import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataRows } from './explorer-helpers.ts';
import { expect, test } from './support/test.ts';

/*
 * Every real Plivo SDK payload, rendered through the real dashboard server in live mode against
 * a fake Plivo (e2e/support/start-fixture-server.ts): `alias=<sdk>` selects that SDK's list
 * payload verbatim; retrieve serves the SDK's get payload. The shared fixture fails the test on
 * any page or console error.
 */
const base = `http://127.0.0.1:${process.env.E2E_FIXTURE_PORT ?? '4318'}`;
const dir = fileURLToPath(new URL('./fixtures/plivo-sdk/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string) =>
  JSON.parse(readFileSync(dir + file, 'utf8')) as Record<string, unknown>;
const SDKS = ['php', 'python', 'java', 'ruby', 'go', 'dotnet'];

for (const sdk of SDKS) {
  const listFile = files.find((f) => f.startsWith(`plivo-${sdk}__`) && /list/i.test(f));
  const getFile = files.find((f) => f.startsWith(`plivo-${sdk}__`) && /get/i.test(f));

  test(`the ${sdk} SDK list payload renders and every row expands`, async ({ page }) => {
    const payload = read(listFile ?? '') as { sessions: { session_uuid: string }[] | null };
    const uuids = (payload.sessions ?? []).map((s) => s.session_uuid);
    await page.goto(`${base}/?alias=${sdk}`);
    await expect(dataRows(page)).toHaveCount(uuids.length);
    // Live mode: no simulator banner.
    await expect(page.getByRole('note', { name: 'Simulator mode' })).toHaveCount(0);
    for (const uuid of uuids) {
      const button = page.getByRole('button', { name: `Details of session ${uuid}` });
      await button.click();
      await expect(page.getByRole('table', { name: 'Charges breakdown' })).toBeVisible();
      await expect(
        page.getByRole('row', { name: /Total \(validation \+ attempts\)/ }),
      ).toBeVisible();
      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'false');
    }
  });

  test(`the ${sdk} SDK retrieve payload renders on the session page`, async ({ page }) => {
    const payload = read(getFile ?? '') as { session_uuid: string };
    await page.goto(`${base}/sessions/${payload.session_uuid}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Session ${payload.session_uuid}`,
    );
    await expect(page.getByRole('region', { name: 'Attempts' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Charges breakdown' })).toBeVisible();
    await expect(page.locator('pre.raw-json')).toContainText(
      `"session_uuid": "${payload.session_uuid}"`,
    );
  });
}
