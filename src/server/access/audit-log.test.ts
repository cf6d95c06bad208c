import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './passwords.ts';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';
import { listOf, session, UUID } from '../testing/payloads.ts';

/**
 * The audit trail (AUDIT_LOG) over real HTTP: one JSON line per recipient lookup, session
 * view, export and unmask, with the number replaced by its HMAC — computed here independently.
 */
const RECIPIENT = '918996280998';
const SECRET = 'audit secret for the tests only';
const hmac = (e164: string) => createHmac('sha256', SECRET).update(e164).digest('hex');
const basic = `Basic ${Buffer.from('alice:password of alice').toString('base64')}`;

let upstream: FakeUpstream;
let dash: TestDashboard;
let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-test-'));
  file = join(dir, 'audit.jsonl');
  upstream = await startFakeUpstream((r) =>
    r.path.includes(UUID)
      ? { json: session(UUID, RECIPIENT) }
      : {
          json: { ...listOf(UUID), sessions: [session(UUID, RECIPIENT), session(UUID, RECIPIENT)] },
        },
  );
  const users = `alice:${await hashPassword('password of alice')}`;
  dash = await startDashboard(
    { DASHBOARD_USERS: users, AUDIT_LOG: file, AUDIT_SECRET: SECRET, CACHE_TTL_SECONDS: '0' },
    upstream,
  );
});
afterAll(async () => {
  await dash.close();
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

type Line = {
  time: string;
  user: string;
  action: string;
  filters: Record<string, string>;
  rows: number;
};
const lines = (): Line[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

const postAudit = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${dash.url}/api/audit`, {
    method: 'POST',
    headers: {
      authorization: basic,
      'content-type': 'application/json',
      origin: dash.url,
      ...headers,
    },
    body: JSON.stringify(body),
  });

describe('AUDIT_LOG', () => {
  it('writes a recipient lookup and a session view with the number hashed, never in clear', async () => {
    const window = 'session_time__gte=2023-06-30+00%3A00%3A00';
    const lookup = await fetch(`${dash.url}/api/sessions?recipient=%2B${RECIPIENT}&${window}`, {
      headers: { authorization: basic },
    });
    expect(lookup.status).toBe(200);
    const view = await fetch(`${dash.url}/api/sessions/${UUID}`, {
      headers: { authorization: basic },
    });
    expect(view.status).toBe(200);
    // A list without a recipient is not a lookup of anyone: no line.
    await fetch(`${dash.url}/api/sessions?${window}`, { headers: { authorization: basic } });

    const written = lines();
    expect(written.map((l) => l.action)).toEqual(['lookup', 'session_view']);
    expect(written[0]).toMatchObject({
      user: 'alice',
      action: 'lookup',
      filters: { recipient: hmac(`+${RECIPIENT}`), session_time__gte: '2023-06-30 00:00:00' },
      rows: 2,
    });
    expect(written[1]).toMatchObject({
      user: 'alice',
      action: 'session_view',
      filters: { session_uuid: UUID, recipient: hmac(`+${RECIPIENT}`) },
      rows: 1,
    });
    expect(Date.parse(written[0]!.time)).toBeGreaterThan(Date.now() - 60_000);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(RECIPIENT.slice(2));
  });

  it('records exports and unmasks the browser reports, same-origin JSON only', async () => {
    const before = lines().length;
    const filters = { recipient: `+${RECIPIENT}`, status: 'verified', f_channel: 'sms' };
    const exported = await postAudit({
      action: 'export',
      format: 'csv',
      granularity: 'attempt',
      rows: 7,
      filters,
    });
    expect(exported.status).toBe(204);
    expect((await postAudit({ action: 'unmask', rows: 3, filters: {} })).status).toBe(204);
    // Another site's page (refused by the cross-site guard first), a form post, a bad body:
    // refused, nothing written.
    expect(
      (
        await postAudit(
          { action: 'export', rows: 1, filters: {} },
          { origin: 'https://evil.example' },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await postAudit(
          { action: 'export', rows: 1, filters: {} },
          { 'content-type': 'text/plain' },
        )
      ).status,
    ).toBe(400);
    expect((await postAudit({ action: 'delete everything', rows: 1, filters: {} })).status).toBe(
      400,
    );
    expect(
      (await postAudit({ action: 'export', rows: 1, filters: { recipient: 'not a number' } }))
        .status,
    ).toBe(400);

    const added = lines().slice(before);
    expect(added).toEqual([
      expect.objectContaining({
        user: 'alice',
        action: 'export',
        format: 'csv',
        granularity: 'attempt',
        rows: 7,
        // Only the list's own filters; the number hashed.
        filters: { recipient: hmac(`+${RECIPIENT}`), status: 'verified' },
      }),
      expect.objectContaining({ user: 'alice', action: 'unmask', rows: 3, filters: {} }),
    ]);
    expect(readFileSync(file, 'utf8')).not.toContain(RECIPIENT.slice(2));
  });
});

describe('without access control', () => {
  it('names the user "anonymous"; without AUDIT_LOG the app’s reports are still answered 204', async () => {
    const openFile = join(dir, 'open.jsonl');
    const open = await startDashboard({ AUDIT_LOG: openFile, AUDIT_SECRET: SECRET }, upstream);
    const off = await startDashboard({}, upstream);
    try {
      await fetch(`${open.url}/api/sessions?recipient=%2B${RECIPIENT}`);
      const [line] = readFileSync(openFile, 'utf8').split('\n');
      expect(JSON.parse(line!)).toMatchObject({ user: 'anonymous', action: 'lookup' });
      const reply = await fetch(`${off.url}/api/audit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: off.url },
        body: JSON.stringify({ action: 'unmask', rows: 0, filters: {} }),
      });
      expect(reply.status).toBe(204);
    } finally {
      await open.close();
      await off.close();
    }
  });
});
