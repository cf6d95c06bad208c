import { STATUS_TOKENS } from '../src/web/features/theme/lib/status-palette.ts';
import {
  SIM_NOW,
  harnessUrl,
  openHarness,
  sessionRows,
  setSimulatorClock,
} from './incident-support.ts';
import { expect, test } from './support/test.ts';

test('live refresh picks up sessions from the simulator’s moving clock and highlights them', async ({
  page,
}) => {
  // "From 11:00 until now": open-ended, so sessions after the simulator's 12:00 count.
  await openHarness(page, 'from=2026-11-20T11:30:00Z&live=1&live_interval_ms=1500');
  await expect(sessionRows(page).first()).toBeVisible();
  const before = await sessionRows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset['uuid']));
  await expect(page.locator('.live-toggle__status')).toHaveText(
    /Next refresh in \d+ s\.|Refreshing…/,
  );
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  try {
    await setSimulatorClock(page, { advanceSeconds: 1800 });
    const fresh = page.locator('tbody tr[data-new-row]');
    await expect(fresh.first()).toBeVisible({ timeout: 15_000 });
    const created = await fresh.first().locator('td').first().innerText();
    expect(created > '2026-11-20T12:00:00').toBe(true);
    const after = await sessionRows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset['uuid']));
    const freshUuids = await fresh.evaluateAll((trs) => trs.map((tr) => tr.dataset['uuid']));
    expect(freshUuids.every((uuid) => !before.includes(uuid))).toBe(true);
    expect(after).not.toEqual(before);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  } finally {
    await setSimulatorClock(page, { now: SIM_NOW });
  }
});

test('themes: system default, explicit choice in the URL and storage, every status colour', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openHarness(page, 'from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z');
  const vars = () =>
    page.evaluate(
      (tokens) => {
        const style = getComputedStyle(document.documentElement);
        return {
          bg: getComputedStyle(document.body).backgroundColor,
          status: tokens.map((t) => style.getPropertyValue(`--status-${t}`).trim()),
        };
      },
      [...STATUS_TOKENS],
    );
  const dark = await vars();
  expect(dark.bg).toBe('rgb(13, 17, 23)');
  expect(dark.status.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page).toHaveURL(/theme=light/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await vars();
  expect(light.bg).toBe('rgb(255, 255, 255)');
  expect(light.status.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
  // The dark palette is its own set of tints, not the light one reused.
  expect(light.status.filter((c, i) => c === dark.status[i])).toEqual([]);
  // Colour is never alone: each status badge carries an icon and words.
  await expect(page.locator('.status-badge').first()).toHaveText(
    /^[✓×…○→!?](Verified|Expired|In progress)$/,
  );

  // Without a theme in the URL the stored choice applies.
  await page.goto(harnessUrl('from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z'));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('radio', { name: 'System' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect((await vars()).bg).toBe('rgb(13, 17, 23)');
});

test('keyboard: "/" focuses the recipient search, "?" opens the help, Esc closes it', async ({
  page,
}) => {
  await openHarness(page, 'from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z');
  await expect(sessionRows(page).first()).toBeVisible();
  await page.keyboard.press('/');
  const search = page.getByRole('textbox', { name: 'Recipient' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('?y');
  await expect(search).toHaveValue('?y');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await search.blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  for (const words of ['Search by recipient', 'Copy a link', 'Show this list']) {
    await expect(dialog).toContainText(words);
  }
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
