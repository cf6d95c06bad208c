import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { hashPassword } from './passwords.ts';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.ts';
import { startDashboard, type TestDashboard } from '../testing/harness.ts';
import { listOf, session, UUID } from '../testing/payloads.ts';

/**
 * Masked-only viewers, enforced by the server: whatever they ask for, /api answers masked;
 * everyone else gets full replies (the positive control that shows the checks can fail).
 */
const RECIPIENT = '918996280998';
const IP = '110.226.182.196';
const withIp = { ...session(UUID, RECIPIENT), requestor_ip: IP, locale: `en-${RECIPIENT}` };

const leaks = (text: string) => [RECIPIENT, RECIPIENT.slice(2), IP].filter((s) => text.includes(s));
const basic = (user: string) =>
  `Basic ${Buffer.from(`${user}:password of ${user}`).toString('base64')}`;

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream((r) =>
    r.path.includes(UUID) ? { json: withIp } : { json: { ...listOf(), sessions: [withIp] } },
  );
});
afterAll(async () => {
  await upstream.close();
});

async function get(dash: TestDashboard, path: string, headers: Record<string, string>) {
  const response = await fetch(`${dash.url}${path}`, { headers });
  expect(response.status).toBe(200);
  return response.text();
}

describe('DASHBOARD_USERS with a masked-only entry (name:hash:masked)', () => {
  let dash: TestDashboard;
  beforeAll(async () => {
    const alice = `alice:${await hashPassword('password of alice')}`;
    const carol = `carol:${await hashPassword('password of carol')}:masked`;
    dash = await startDashboard(
      { DASHBOARD_USERS: `${alice},${carol}`, CACHE_TTL_SECONDS: '0' },
      upstream,
    );
  });
  afterAll(async () => {
    await dash.close();
  });

  it.each(['/api/sessions', `/api/sessions?recipient=%2B${RECIPIENT}`, `/api/sessions/${UUID}`])(
    'masks %s for the masked-only user without any mask parameter, not for others',
    async (path) => {
      const masked = await get(dash, path, { authorization: basic('carol') });
      expect(leaks(masked)).toEqual([]);
      expect(masked).toContain('••••0998');
      expect(JSON.parse(masked)).toMatchObject({ masked: true });
      const full = await get(dash, path, { authorization: basic('alice') });
      expect(leaks(full)).toEqual([RECIPIENT, RECIPIENT.slice(2), IP]);
      expect(JSON.parse(full)).not.toHaveProperty('masked');
    },
  );

  it('masks the raw JSON of a session, by field and by value', async () => {
    const body = JSON.parse(
      await get(dash, `/api/sessions/${UUID}`, { authorization: basic('carol') }),
    ) as {
      raw: Record<string, unknown>;
    };
    expect(body.raw['requestor_ip']).toBe('hidden (masked)');
    expect(body.raw['recipient']).toBe('+91 ••••0998');
    expect(body.raw['locale']).toBe('en-••••0998');
  });

  it('tells the app who is masked-only in /api/health', async () => {
    const health = async (user: string) =>
      JSON.parse(await get(dash, '/api/health', { authorization: basic(user) })) as unknown;
    expect(await health('carol')).toMatchObject({ viewer: { maskedOnly: true } });
    expect(await health('alice')).toMatchObject({ viewer: { maskedOnly: false } });
  });
});

describe('TRUST_GROUPS_HEADER + MASKED_GROUPS behind a login proxy', () => {
  let dash: TestDashboard;
  beforeAll(async () => {
    dash = await startDashboard(
      {
        TRUST_IDENTITY_HEADER: 'X-Forwarded-Email',
        TRUST_GROUPS_HEADER: 'X-Forwarded-Groups',
        MASKED_GROUPS: 'support-l1, contractors',
        CACHE_TTL_SECONDS: '0',
      },
      upstream,
    );
  });
  afterAll(async () => {
    await dash.close();
  });

  const as = (groups: string | null) => ({
    'x-forwarded-email': 'agent@example.com',
    ...(groups === null ? {} : { 'x-forwarded-groups': groups }),
  });

  it.each([
    ['in a masked group', 'staff,support-l1', true],
    ['in the other masked group', 'contractors', true],
    ['with no groups header (fails closed)', null, true],
    ['with an empty groups header (fails closed)', '', true],
    ['in other groups only', 'staff,support-l2', false],
  ])('a user %s: masked=%s', async (_who, groups, masked) => {
    const text = await get(dash, '/api/sessions', as(groups));
    expect(leaks(text).length === 0).toBe(masked);
    const health = JSON.parse(await get(dash, '/api/health', as(groups))) as unknown;
    expect(health).toMatchObject({ viewer: { maskedOnly: masked } });
  });
});

describe('an open dashboard (no access control)', () => {
  it('answers in full and says so in /api/health', async () => {
    const dash = await startDashboard({ CACHE_TTL_SECONDS: '0' }, upstream);
    try {
      expect(leaks(await get(dash, '/api/sessions', {})).length).toBe(3);
      expect(JSON.parse(await get(dash, '/api/health', {}))).toMatchObject({
        viewer: { maskedOnly: false },
      });
    } finally {
      await dash.close();
    }
  });
});

describe('configuration', () => {
  it.each([
    [
      { TRUST_GROUPS_HEADER: 'X-Forwarded-Groups' },
      'TRUST_GROUPS_HEADER and MASKED_GROUPS go together',
    ],
    [{ MASKED_GROUPS: 'l1' }, 'TRUST_GROUPS_HEADER and MASKED_GROUPS go together'],
    [
      { TRUST_GROUPS_HEADER: 'X-Forwarded-Groups', MASKED_GROUPS: 'l1' },
      'needs TRUST_IDENTITY_HEADER',
    ],
    [
      { TRUST_IDENTITY_HEADER: 'X-Email', TRUST_GROUPS_HEADER: 'X Groups', MASKED_GROUPS: 'l1' },
      'TRUST_GROUPS_HEADER must be an HTTP header name',
    ],
    [
      { AUDIT_LOG: '/tmp/a.jsonl', AUDIT_SECRET: 'short' },
      'AUDIT_SECRET must be at least 16 characters',
    ],
  ])('refuses %o', (env, problem) => {
    const result = parseConfig(env);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join('\n')).toContain(problem);
  });

  it('reads a masked-only DASHBOARD_USERS entry and the audit settings', async () => {
    const hash = await hashPassword('password of carol');
    const result = parseConfig({
      DASHBOARD_USERS: `carol:${hash}:masked`,
      AUDIT_LOG: '/tmp/a.jsonl',
    });
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.config.access).toEqual({
      kind: 'basic',
      users: [{ name: 'carol', hash, maskedOnly: true }],
    });
    expect(result.config.audit).toEqual({ file: '/tmp/a.jsonl', secret: null });
  });
});
