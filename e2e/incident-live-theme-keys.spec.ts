import { STATUS_TOKENS } from '../src/web/lib/status-palette.ts';
import { WINDOW, dataRows } from './explorer-helpers.ts';
import { SIM_NOW, setSimulatorClock } from './incident-support.ts';
import { expect, test } from './support/test.ts';

const createdOf = (page: import('@playwright/test').Page) =>
  dataRows(page).evaluateAll((rows) =>
    rows.map((row) => ({
      uuid: row.querySelector('.cell-session_uuid code')?.textContent ?? '',
      created: row.querySelector('.cell-created')?.textContent ?? '',
      isNew: row.parentElement?.hasAttribute('data-new-row') ?? false,
    })),
  );

test('live refresh asks for the first page only, highlights new sessions, keeps the open row in place', async ({
  page,
}) => {
  await page.clock.install();
  // "From 11:50 until now": open-ended, so sessions after the simulator's 12:00 count.
  await page.goto('/?from=2026-11-20T11:50:00Z&live=1');
  await expect(dataRows(page).first()).toBeVisible();
  await expect(page.locator('.live-toggle__status')).toHaveText(/Next refresh in \d+ s\./);
  const loadedCount = async () =>
    Number(/\d+/.exec(await page.locator('.results-status [role="status"]').innerText())?.[0]);
  const count = await loadedCount();
  const before = await createdOf(page);
  expect(before).toHaveLength(count);
  expect(before.some((r) => r.isNew)).toBe(false);
  // Open the oldest row (the table scrolls to it): a refresh must neither close nor move it.
  const oldest = before.at(-1)?.uuid ?? '';
  const toggle = page.getByRole('button', { name: `Details of session ${oldest}` });
  await toggle.click();
  await expect(page).toHaveURL(new RegExp(`open=${oldest}`));
  expect(await page.locator('.table-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const topBefore = (await toggle.boundingBox())?.y ?? NaN;
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/sessions?')) requests.push(r.url());
  });
  try {
    await setSimulatorClock(page, { advanceSeconds: 300 });
    // The next refresh is 30 s away (later if the shared budget runs low).
    for (let i = 0; i < 4 && (await loadedCount()) === count; i++) {
      await page.clock.fastForward('00:31');
      await expect
        .poll(loadedCount, { timeout: 5_000 })
        .not.toBe(count)
        .catch(() => undefined);
    }
    const added = (await loadedCount()) - count;
    expect(added).toBeGreaterThan(0);
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(new URL(url).searchParams.has('offset')).toBe(false);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(Math.abs(((await toggle.boundingBox())?.y ?? NaN) - topBefore)).toBeLessThan(3);

    await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = 0));
    const fresh = page.locator('[data-new-row] [role="row"][data-row-index]');
    await expect(fresh).toHaveCount(added);
    const after = await createdOf(page);
    for (const row of after.filter((r) => r.isNew)) {
      expect(row.created > '2026-11-20 12:00:00').toBe(true);
      expect(before.map((r) => r.uuid)).not.toContain(row.uuid);
    }
    expect(after.slice(0, added).every((r) => r.isNew)).toBe(true);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  } finally {
    await setSimulatorClock(page, { now: SIM_NOW });
  }
});

test('themes: system default, explicit choice in the URL and storage, every status colour', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  const vars = () =>
    page.evaluate(
      (tokens) => {
        const style = getComputedStyle(document.documentElement);
        return {
          bg: getComputedStyle(document.body).backgroundColor,
          table: getComputedStyle(document.querySelector('.table-scroll')!).backgroundColor,
          status: tokens.map((t) => style.getPropertyValue(`--status-${t}`).trim()),
        };
      },
      [...STATUS_TOKENS],
    );
  const dark = await vars();
  expect(dark.bg).toBe('rgb(22, 27, 34)');
  expect(dark.table).toBe('rgb(31, 38, 48)');
  expect(dark.status.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page).toHaveURL(/theme=light/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await vars();
  expect(light.bg).toBe('rgb(246, 247, 249)');
  expect(light.table).toBe('rgb(255, 255, 255)');
  expect(light.status.filter((c, i) => c === dark.status[i])).toEqual([]);
  // Colour is never alone: each status badge carries an icon and Plivo's word.
  const badge = dataRows(page).first().locator('.cell-status .status-badge');
  await expect(badge).toHaveText(/^(verified|expired|in-progress)$/);
  expect(
    await badge.evaluate((el) => getComputedStyle(el.firstElementChild!, '::before').content),
  ).toMatch(/^"[✓×…]"$/);

  // Without a theme in the URL the stored choice applies, from the first paint: the server's
  // pre-rendered HTML already carries it.
  const next = await page.request.get(`/?${WINDOW}`);
  expect(await next.text()).toMatch(/^<!doctype html>\s*<html lang="en" data-theme="light">/i);
  await page.goto(`/?${WINDOW}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('radio', { name: 'System' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect((await vars()).bg).toBe('rgb(22, 27, 34)');
});

test('keyboard: "/" focuses the recipient search, "?" lists every shortcut, Esc closes it', async ({
  page,
}) => {
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  await page.keyboard.press('/');
  const search = page.getByRole('textbox', { name: 'Recipient' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('?y');
  await expect(search).toHaveValue('?y');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await search.fill('');

  await search.blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  for (const words of ['Search by recipient', 'Copy a link', 'Show this list', 'Next row']) {
    await expect(dialog).toContainText(words);
  }
  await expect(dialog.getByRole('region', { name: 'Sessions table' })).toContainText('Enter');
  // j/k belong to the table, not to a page behind an open dialog.
  await page.keyboard.press('j');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/open=/);
});
