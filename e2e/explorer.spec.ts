import { cellTexts, dataRows, WINDOW } from './explorer-helpers.ts';
import { expect, test } from './support/test.ts';

const DEEP_LINK_HEADERS = [
  'Details',
  'Created (Asia/Kolkata)',
  'Recipient',
  'Status',
  'Total charge (USD) ↓',
  'Session UUID',
];

test('a deep link reproduces the view after a reload', async ({ page }) => {
  const cols = 'created,recipient,status,charge,session_uuid';
  await page.goto(`/?status=verified&${WINDOW}&tz=Asia/Kolkata&sort=charge:desc&cols=${cols}`);
  await expect(dataRows(page).first()).toBeVisible();
  const headers = page.getByRole('columnheader');
  await expect(headers).toHaveText(DEEP_LINK_HEADERS);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('verified');
  for (const status of await cellTexts(page, 'status')) expect(status).toBe('verified');
  const charges = (await cellTexts(page, 'charge')).map(Number);
  expect(charges).toEqual([...charges].sort((a, b) => b - a));
  // Created times show in Asia/Kolkata: the window 10:00–12:00 UTC is 15:30–17:30 there.
  for (const created of await cellTexts(page, 'created')) {
    expect(created >= '2026-11-20 15:30:00' && created < '2026-11-20 17:30:00').toBe(true);
  }

  const uuid = (await cellTexts(page, 'session_uuid'))[0]?.replace(/Copy$/, '').trim() ?? '';
  await page.getByRole('button', { name: `Details of session ${uuid}` }).click();
  await expect(page).toHaveURL(new RegExp(`open=${uuid}`));
  await expect(dataRows(page).first().locator('.cell-recipient')).toHaveText(/^\+\d{1,3} \d/);
  const before = await dataRows(page).allInnerTexts();

  await page.reload();
  await expect(page.getByRole('list', { name: 'Attempt timeline' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Details of session ${uuid}` })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(headers).toHaveText(DEEP_LINK_HEADERS);
  await expect(dataRows(page)).toHaveText(before, { useInnerText: true });
});

test('changing filters updates the URL and the results; back and forward restore them', async ({
  page,
}) => {
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();

  await page.getByRole('combobox', { name: 'Status' }).selectOption('expired');
  await expect(page).toHaveURL(/[?&]status=expired/);
  await expect(
    page.getByRole('status').filter({ hasText: /loaded|all \d+ session/ }),
  ).not.toContainText('updating');
  // The address changes at once; React renders the new view in a transition, so the old
  // rows may still be on screen for that moment: wait for the new ones.
  await expect
    .poll(async () => {
      const statuses = await cellTexts(page, 'status');
      return statuses.length > 0 && statuses.every((status) => status === 'expired');
    })
    .toBe(true);

  // Type the first row's number the way a person might: no plus, spaces.
  const first = (await cellTexts(page, 'recipient'))[0] ?? '';
  const e164 = `+${first.replace(/ · .*$/, '').replace(/\D/g, '')}`;
  const typed = e164.slice(1).replace(/(\d{2})(\d{3})(\d+)/, '$1 $2 $3');
  await page.getByRole('textbox', { name: 'Recipient' }).fill(typed);
  await expect(page.getByText(new RegExp(`^\\${e164}`))).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`recipient=%2B${e164.slice(1)}`));
  await expect(page.getByRole('status').filter({ hasText: /all \d+ session/ })).toBeVisible();
  // The previous rows stay on screen until the new reply lands: wait for the new ones.
  const digitsOf = (cell: string) => cell.replace(/ · .*$/, '').replace(/\D/g, '');
  await expect
    .poll(async () => {
      const cells = (await cellTexts(page, 'recipient')).map(digitsOf);
      return cells.length > 0 && cells.every((d) => d === e164.slice(1));
    })
    .toBe(true);
  for (const recipient of await cellTexts(page, 'recipient')) {
    expect(recipient.replace(/ · .*$/, '').replace(/\D/g, '')).toBe(e164.slice(1));
  }

  // Typing replaced the status entry, so one step back is the unfiltered window.
  await page.goBack();
  await expect(page).not.toHaveURL(/status=|recipient=/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Recipient' })).toHaveValue('');
  await page.goForward();
  await expect(page).toHaveURL(/status=expired/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('expired');
  await expect(page.getByRole('textbox', { name: 'Recipient' })).toHaveValue(e164);
});

test('a row expands in place, by mouse and keyboard, and more rows load on demand', async ({
  page,
}) => {
  await page.goto(`/?${WINDOW}`);
  const rows = dataRows(page);
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText('20 sessions loaded · more available')).toBeVisible();

  await rows.nth(1).click();
  const timeline = page.getByRole('list', { name: 'Attempt timeline' });
  await expect(timeline).toBeVisible();
  const total = (await cellTexts(page, 'charge'))[1];
  const breakdown = page.getByRole('table', { name: 'Charges breakdown' });
  await expect(
    breakdown.getByRole('row', { name: /Total \(validation \+ attempts\)/ }),
  ).toContainText(total ?? 'missing');
  await page.keyboard.press('Escape');
  await expect(timeline).toHaveCount(0);
  await expect(page).not.toHaveURL(/open=/);

  await rows.first().focus();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows.nth(1).getByRole('button', { name: /^Details of session/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByText('40 sessions loaded · more available')).toBeVisible();
});

test('bad link values name the parameter, fall back, and can be dismissed', async ({ page }) => {
  // A raw Plivo query pasted from logs works as the same window.
  await page.goto(
    '/?session_time__gte=2026-11-20 10:00&session_time__lt=2026-11-20 12:00&status=lost&tz=Mars/Olympus',
  );
  const notice = page.getByRole('alert', { name: 'Link problems' });
  await expect(notice).toContainText(
    'status=“lost” must be one of in-progress, verified, expired; showing no status filter instead.',
  );
  await expect(notice).toContainText('tz=“Mars/Olympus”');
  await expect(notice).toContainText('showing UTC instead');
  await expect(dataRows(page).first()).toBeVisible();
  await expect(page.getByLabel('From (UTC)')).toHaveValue('2026-11-20 10:00');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z');
});

test('an empty window says so and widens in one click', async ({ page }) => {
  // After the simulator's clock: nothing can exist there.
  await page.goto('/?from=2026-11-20T13:00:00Z&to=2026-11-20T13:15:00Z');
  await expect(
    page.getByText(
      'No sessions between 2026-11-20 13:00:00 and 2026-11-20 13:15:00 UTC — widen to 1 hour?',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Widen to 1 hour' }).click();
  await expect(page).toHaveURL(/from=2026-11-20T12:15:00Z&to=2026-11-20T13:15:00Z/);
  await expect(
    page.getByText(
      /No sessions between 2026-11-20 12:15:00 and 2026-11-20 13:15:00 UTC — widen to 24 hours\?/,
    ),
  ).toBeVisible();
});

test('the column chooser and time zone change the view and the URL, without a new query', async ({
  page,
}) => {
  let listCalls = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/sessions') listCalls++;
  });
  await page.goto(`/?${WINDOW}`);
  await expect(dataRows(page).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The first page came pre-rendered or from one call: whatever it cost, nothing after may.
  const callsToLoad = listCalls;
  expect(callsToLoad).toBeLessThanOrEqual(1);
  const created = (await cellTexts(page, 'created'))[0] ?? '';

  await page.getByText('Columns (11 of 11)').click();
  // The URL update re-renders after the click, so assert the outcome rather than use uncheck().
  const network = page.getByRole('checkbox', { name: 'Network' });
  await network.click();
  await expect(network).not.toBeChecked();
  await expect(page).toHaveURL(
    /cols=created,recipient,status,verdict,channel,attempts,last_attempt,alias,charge,session_uuid/,
  );
  await expect(page.getByRole('columnheader', { name: 'Network' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Kolkata');
  await expect(page).toHaveURL(/tz=Asia\/Kolkata/);
  await expect(page.getByRole('columnheader', { name: 'Created (Asia/Kolkata)' })).toBeVisible();
  // 10:00–12:00 UTC is 15:30–17:30 in Kolkata: the same instant, shown in another zone.
  const shifted = new Date(Date.parse(`${created.replace(' ', 'T')}Z`) + 330 * 60_000);
  expect((await cellTexts(page, 'created'))[0]).toBe(
    shifted.toISOString().slice(0, 19).replace('T', ' '),
  );

  await page.goBack();
  await expect(page.getByRole('columnheader', { name: 'Created (UTC)' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('columnheader', { name: 'Network' })).toBeVisible();
  expect(listCalls).toBe(callsToLoad);
});
