import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlivoList, parsePlivoSession } from './parse-plivo.ts';

const dir = fileURLToPath(new URL('../../e2e/fixtures/plivo-sdk/', import.meta.url));
const read = (name: string): unknown => JSON.parse(readFileSync(dir + name, 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const listFiles = files.filter((f) => /list/i.test(f));
const getFiles = files.filter((f) => /get/i.test(f));

describe('real Plivo SDK fixtures', () => {
  it('finds the fixtures', () => {
    expect(listFiles).toHaveLength(6);
    expect(getFiles).toHaveLength(6);
  });

  it.each(listFiles)('%s parses with every session normalised', (file) => {
    const raw = read(file) as { sessions: unknown[] | null };
    const result = parsePlivoList(raw);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.problems).toEqual([]);
    expect(result.value.sessions).toHaveLength(raw.sessions?.length ?? 0);
    for (const s of result.value.sessions) {
      expect(s.sessionUuid).toMatch(/^[0-9a-f-]{36}$/);
      expect(s.recipient).toMatch(/^\+\d+$/);
      expect(s.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(s.attempts).toHaveLength(s.attemptCount ?? 0);
    }
  });

  it.each(getFiles)('%s parses into one session', (file) => {
    const result = parsePlivoSession(read(file));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.status).toMatch(/^(expired|verified|in-progress)$/);
  });

  it('reads the attemp_uuid typo as the attempt uuid', () => {
    const result = parsePlivoList(read('plivo-go__verifySessionListResponse.json'));
    if (!result.ok) throw new Error(result.message);
    const second = result.value.sessions[1]?.attempts[1];
    expect(second?.attemptUuid).toBe('237bb45f-6238-40fc-a27e-355dbaa8ec03');
    expect(second?.fraudCheck).toBe('disabled');
  });

  it('shows Go zero time and null attempt arrays as absent, not as year 1', () => {
    const result = parsePlivoSession(read('plivo-go__verifySessionGetResponse.json'));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.updatedAt).toBeNull();
    expect(result.value.attempts).toEqual([]);
    expect(result.value.charges.attempts).toEqual([]);
    expect(result.value.createdAt).toBe('2023-06-30T06:42:03.187679Z');
  });

  it('keeps exact charges and matches them to attempts', () => {
    const result = parsePlivoList(read('plivo-php__verifySessionListResponse.json'));
    if (!result.ok) throw new Error(result.message);
    const first = result.value.sessions[0]!;
    expect(first.charges).toMatchObject({
      total: '0.13',
      validation: '0.05',
      computedTotal: '0.13',
    });
    expect(first.attempts[0]?.charge).toBe('0.08');
    expect(first.attempts[0]?.dtmf).toBe(4);
    expect(first.locale).toBe('en');
  });

  it('normalises the same session identically from Z and +05:30 payloads', () => {
    const zulu = {
      session_uuid: '5c533d15-1975-4f20-80be-40174142ea37',
      status: 'Expired',
      attempt_details: [
        {
          channel: 'SMS',
          attempt_uuid: 'a',
          status: 'Failed',
          time: '2023-07-18T08:46:14.865388Z',
        },
      ],
      charges: {
        total_charge: '0.0060',
        validation_charge: '0',
        attempt_charges: [{ attempt_uuid: 'a', channel: 'sms', charge: '0.006' }],
      },
      created_at: '2023-07-18T08:46:14.851205Z',
      updated_at: '2023-07-18T08:46:14.865388Z',
    };
    const kolkata = {
      ...zulu,
      status: 'expired',
      attempt_details: [{ ...zulu.attempt_details[0], time: '2023-07-18T14:16:14.865388+05:30' }],
      created_at: '2023-07-18T14:16:14.851205+05:30',
      updated_at: '2023-07-18T14:16:14.865388+05:30',
    };
    const a = parsePlivoSession(zulu);
    const b = parsePlivoSession(kolkata);
    expect(a).toEqual(b);
    expect(a.ok && a.value.status).toBe('expired');
    expect(a.ok && a.value.attempts[0]?.channel).toBe('sms');
  });
});

describe('tolerance and strictness', () => {
  it('rejects a session without session_uuid', () => {
    const result = parsePlivoSession({ status: 'verified' });
    expect(result).toEqual({ ok: false, message: 'session_uuid is missing' });
  });

  it('reports an unreadable list entry and keeps the rest', () => {
    const result = parsePlivoList({
      meta: { limit: 20, offset: 0, next: null },
      sessions: [{ status: 'x' }, { session_uuid: 'u1' }],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.sessions.map((s) => s.sessionUuid)).toEqual(['u1']);
    expect(result.value.problems).toEqual([
      'Session #1 on this page is unreadable: session_uuid is missing.',
    ]);
  });

  it('treats "sessions": null as an empty page', () => {
    const result = parsePlivoList({
      api_id: 'x',
      meta: { limit: 20, offset: 0, next: null, previous: null },
      sessions: null,
    });
    expect(result.ok && result.value.sessions).toEqual([]);
  });

  it('keeps unknown attempt statuses and flags unknown session statuses', () => {
    const result = parsePlivoSession({
      session_uuid: 'u',
      status: 'Paused',
      count: 1,
      attempt_details: [{ channel: 'rcs', status: 'Read', time: 'garbage' }],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.attempts[0]).toMatchObject({ channel: 'rcs', status: 'read', time: null });
    expect(result.value.warnings).toContain('Unknown session status “paused”.');
  });

  it('turns retyped fields into placeholders instead of failing', () => {
    const result = parsePlivoSession({
      session_uuid: 'u',
      count: 'two',
      charges: 'free',
      recipient: 14155550100,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toMatchObject({ attemptCount: null, recipient: '+14155550100' });
    expect(result.value.warnings).toContain('Plivo sent no charges for this session.');
  });

  it('flags totals that do not add up', () => {
    const result = parsePlivoSession({
      session_uuid: 'u',
      charges: {
        total_charge: '0.1',
        validation_charge: '0.05',
        attempt_charges: [{ attempt_uuid: 'a', charge: '0.04' }],
      },
    });
    expect(result.ok && result.value.warnings).toEqual([
      "Plivo's total 0.1 differs from validation + attempts = 0.09.",
    ]);
  });
});
