import type { SessionsPage } from '../src/contract/api.ts';
import { parseCsv } from '../src/web/features/export/lib/csv.ts';
import { WINDOW, apiSessions, downloadFrom, openHarness, sessionRows } from './incident-support.ts';
import { expect, test } from './support/test.ts';

const FROM = '2026-11-20T10:00:00Z';
const TO = '2026-11-20T12:00:00Z';

/** Every full number (and its first eight digits) and every IP of the real sessions. */
function secretsOf(sessions: SessionsPage['sessions']): string[] {
  const phones = sessions.flatMap((s) => {
    const digits = s.recipient?.replace(/\D/g, '') ?? '';
    return digits ? [digits, digits.slice(0, 8)] : [];
  });
  const ips = sessions.flatMap((s) => (s.requestorIp ? [s.requestorIp] : []));
  return [...new Set([...phones, ...ips])];
}

test('with mask=1 no full phone number or IP is in the DOM, the title or any export', async ({
  page,
}) => {
  await openHarness(page, `${WINDOW}&mask=1&tz=Asia/Kolkata`);
  await expect(sessionRows(page).first()).toBeVisible();
  const uuids = await sessionRows(page).evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-uuid')),
  );
  const sessions = await apiSessions(page, FROM, TO);
  expect(sessions.map((s) => s.sessionUuid)).toEqual(uuids);
  const secrets = secretsOf(sessions);
  expect(sessions.filter((s) => s.requestorIp).length).toBeGreaterThan(0);

  const dom = `${await page.title()}\n${await page.content()}`;
  expect(secrets.filter((secret) => dom.includes(secret))).toEqual([]);
  await expect(sessionRows(page).first().locator('td').nth(1)).toHaveText(
    /^(\+\d{1,3} )?••••\d{4}$/,
  );
  await expect(sessionRows(page).first().locator('td').nth(3)).toHaveText('hidden (masked)');

  for (const format of ['CSV', 'JSON'] as const) {
    for (const rows of ['session', 'attempt'] as const) {
      const file = await downloadFrom(page, format, rows);
      expect(file.name).toMatch(/_masked\.(csv|json)$/);
      const leaked = secrets.filter((secret) => file.text.includes(secret));
      expect(leaked, `${format}, one row per ${rows}`).toEqual([]);
      expect(file.text).toContain('••••');
    }
  }

  // Unmasking is an explicit act — and then the numbers really are on the page, which
  // shows the checks above could fail.
  await page.getByRole('button', { name: /show full numbers/ }).click();
  await page.getByRole('button', { name: 'Show full numbers' }).click();
  await expect(page).not.toHaveURL(/mask=1/);
  await expect(sessionRows(page).first().locator('td').nth(1)).toHaveText(/^\+\d{8,15}$/);
  const unmasked = await page.content();
  expect(secrets.filter((secret) => unmasked.includes(secret)).length).toBeGreaterThan(0);
});

test('CSV and JSON exports: zone column, phone numbers as plain text, escaping, file names', async ({
  page,
}) => {
  // Real sessions, with one alias replaced by hostile text to prove quoting and the
  // formula-injection rule in a real download.
  const hostile = '=HYPERLINK("http://evil.example","click"), "quoted"\nline two';
  await page.route('**/api/sessions?**', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as SessionsPage;
    const first = body.sessions[0];
    if (first) first.alias = hostile;
    await route.fulfill({ response, json: body });
  });
  await openHarness(page, `${WINDOW}&status=expired&tz=Asia/Kolkata`);
  await expect(sessionRows(page).first()).toBeVisible();
  const shown = await sessionRows(page).count();

  const csv = await downloadFrom(page, 'CSV', 'session');
  expect(csv.name).toBe('otp-sessions_status-expired_2026-11-20T10-00Z_2026-11-20T12-00Z.csv');
  expect(csv.text.startsWith('\uFEFF"session_uuid","created_at","updated_at","time_zone"')).toBe(
    true,
  );
  // Raw text: RFC 4180 quoting of quotes, commas and the line break, and the neutraliser.
  expect(csv.text).toContain(
    `"'=HYPERLINK(""http://evil.example"",""click""), ""quoted""\nline two"`,
  );
  const [header, ...records] = parseCsv(csv.text.slice(1));
  expect(records).toHaveLength(shown);
  const column = (name: string) => header!.indexOf(name);
  expect(records.map((r) => r[column('alias')])).toContain(`'${hostile}`);
  for (const record of records) {
    expect(record[column('recipient')]).toMatch(/^\+\d{8,15}$/);
    expect(record[column('time_zone')]).toBe('Asia/Kolkata');
    expect(record[column('created_at')]).toMatch(/^2026-11-20T1[5-7]:\d\d:\d\d\.\d{6}\+05:30$/);
  }
  // Phone numbers are plain quoted fields, never prefixed.
  expect(csv.text).not.toMatch(/"'\+\d/);
  expect(csv.text).toMatch(/,"\+\d{8,15}",/);

  const json = await downloadFrom(page, 'JSON', 'attempt');
  expect(json.name).toBe('otp-attempts_status-expired_2026-11-20T10-00Z_2026-11-20T12-00Z.json');
  const parsed = JSON.parse(json.text) as {
    time_zone: string;
    window: { from: string; to: string };
    filters: Record<string, string>;
    masked: boolean;
    session_count: number;
    rows: { session_uuid: string; attempt_time: string; recipient: string; alias?: string }[];
  };
  expect(parsed).toMatchObject({
    time_zone: 'Asia/Kolkata',
    window: { from: '2026-11-20T10:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
    filters: { status: 'expired' },
    masked: false,
    session_count: shown,
  });
  expect(new Set(parsed.rows.map((r) => r.session_uuid)).size).toBe(shown);
  expect(parsed.rows.length).toBeGreaterThanOrEqual(shown);
  expect(parsed.rows.every((r) => /^\+\d{8,15}$/.test(r.recipient))).toBe(true);
  expect(
    parsed.rows.filter((r) => r.attempt_time).every((r) => r.attempt_time.endsWith('+05:30')),
  ).toBe(true);
});
