import { describe, expect, it } from 'vitest';
import { parsePlivoList } from '../../../../contract/parse-plivo.ts';
import type { Session } from '../../../../contract/session.ts';
import goList from '../../../../../e2e/fixtures/plivo-sdk/plivo-go__verifySessionListResponse.json';
import rubyList from '../../../../../e2e/fixtures/plivo-sdk/plivo-ruby__sessionListResponse.json';
import { attemptTable, sessionTable } from './export-rows.ts';
import { formatInstantInZone } from '../../../lib/time-format.ts';

function sessionsOf(json: unknown): Session[] {
  const result = parsePlivoList(json);
  if (!result.ok) throw new Error(result.message);
  return result.value.sessions;
}
const sessions = [...sessionsOf(goList), ...sessionsOf(rubyList)];
const first = sessions[0]!;

describe('sessionTable', () => {
  it('has one row per session with times in the chosen zone and the zone named', () => {
    const table = sessionTable(sessions, { timeZone: 'Asia/Kolkata', masked: false });
    expect(table.rows).toHaveLength(sessions.length);
    expect(table.columns).not.toContain('verdict');
    const row = table.rows[0]!;
    expect(row['session_uuid']).toBe(first.sessionUuid);
    expect(row['time_zone']).toBe('Asia/Kolkata');
    // 2023-07-20T08:02:18.972780Z in India is 13:32:18.972780 at +05:30.
    expect(row['created_at']).toBe('2023-07-20T13:32:18.972780+05:30');
    expect(row['recipient']).toBe('+918707046409');
    expect(row['charge_computed']).toBe(first.charges.computedTotal);
  });

  it('honours the mask: no full number and no IP in any cell', () => {
    const table = sessionTable(sessions, { timeZone: 'UTC', masked: true });
    const text = JSON.stringify(table.rows);
    const secrets = sessions.flatMap((s) => [s.recipient!.slice(1, -4), s.requestorIp ?? []]);
    expect(secrets.flat().filter((secret) => text.includes(secret))).toEqual([]);
    expect(sessions.some((s) => s.requestorIp)).toBe(true);
    expect(table.rows[0]!['recipient']).toBe('+91 ••••6409');
  });

  // Issue #15, finding 8: the number in fields no one expected to hold one.
  it.each(['session', 'attempt'] as const)(
    'masks the recipient by value in every cell of a masked %s export',
    (granularity) => {
      const digits = first.recipient!.slice(1);
      const glued = `x${digits}`;
      const odd: Session = {
        ...first,
        status: glued,
        channel: glued,
        locale: `en-${digits.slice(2)}`,
        appUuid: glued,
        country: glued,
        attempts: first.attempts.map((a) => ({ ...a, channel: glued, status: glued })),
      };
      const table = (granularity === 'session' ? sessionTable : attemptTable)([odd], {
        timeZone: 'UTC',
        masked: true,
      });
      const text = JSON.stringify(table.rows);
      expect(text).not.toContain(digits.slice(2, 8));
      expect(text).toContain('••••');
    },
  );

  it('adds the verdict column when the explorer supplies one', () => {
    const table = sessionTable(sessions, {
      timeZone: 'UTC',
      masked: true,
      verdictOf: (s) => `verdict for ${s.recipient}`,
    });
    expect(table.columns).toContain('verdict');
    // The verdict is computed from the real session, but the file only ever sees the mask.
    expect(table.rows[0]!['verdict']).toBe('verdict for +91 ••••6409');
  });
});

describe('attemptTable', () => {
  it('has one row per attempt, numbered, with the session repeated on each', () => {
    const table = attemptTable(sessions, { timeZone: 'UTC', masked: false });
    const attempts = sessions.reduce((n, s) => n + Math.max(1, s.attempts.length), 0);
    expect(table.rows).toHaveLength(attempts);
    const second = sessions[1]!;
    const rows = table.rows.filter((r) => r['session_uuid'] === second.sessionUuid);
    expect(rows.map((r) => r['attempt_number'])).toEqual(second.attempts.map((_, i) => i + 1));
    expect(rows[0]!['attempt_time']).toBe(second.attempts[0]!.time);
    expect(rows[0]!['attempt_charge']).toBe(second.attempts[0]!.charge);
    expect(rows[0]!['session_status']).toBe(second.status);
  });

  it('keeps a session with no attempts as one row with empty attempt columns', () => {
    const bare: Session = { ...first, attempts: [], attemptCount: 0 };
    const table = attemptTable([bare], { timeZone: 'UTC', masked: false });
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!['attempt_number']).toBeNull();
    expect(table.rows[0]!['attempt_time']).toBe('');
    expect(table.rows[0]!['session_uuid']).toBe(first.sessionUuid);
  });
});

describe('formatInstantInZone', () => {
  it.each([
    ['2026-11-20T10:00:00.123456Z', 'UTC', '2026-11-20T10:00:00.123456Z'],
    ['2026-11-20T10:00:00.123456Z', 'Asia/Kolkata', '2026-11-20T15:30:00.123456+05:30'],
    // New York: standard time in November, daylight time in July.
    ['2026-11-20T10:00:00.000001Z', 'America/New_York', '2026-11-20T05:00:00.000001-05:00'],
    ['2026-07-20T10:00:00.000000Z', 'America/New_York', '2026-07-20T06:00:00.000000-04:00'],
    ['2026-11-20T23:59:59.999999Z', 'Pacific/Kiritimati', '2026-11-21T13:59:59.999999+14:00'],
    [null, 'UTC', ''],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(formatInstantInZone(iso, zone)).toBe(expected);
  });
});
