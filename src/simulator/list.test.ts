import { describe, expect, it } from 'vitest';
import { instantToMs, normaliseInstant } from '../contract/time.ts';
import {
  TEST_NOW_MS,
  listBody,
  plivoTimeParam,
  testSimulator,
  type WireSessionLike,
} from './test-support.ts';

const DAY = 86_400_000;
const sim = testSimulator();
const createdMs = (s: WireSessionLike) => instantToMs(normaliseInstant(s.created_at) ?? '');
const list = async (query: string, auth?: { authId: string; authToken: string }) =>
  listBody(await sim.get(sim.listPath(query), auth));

/** Follows `next` from the first page (`query` must not set limit/offset) and returns all. */
async function listAll(query: string, auth?: { authId: string; authToken: string }) {
  const all: WireSessionLike[] = [];
  let body = await list(query, auth);
  for (;;) {
    all.push(...(body.sessions ?? []));
    if (!body.meta.next) return all;
    const next = new URL(body.meta.next, 'http://x').searchParams;
    body = await list(`${query}&limit=${next.get('limit')}&offset=${next.get('offset')}`, auth);
  }
}

describe('parameter validation', () => {
  it.each([
    ['limit=0', 'limit'],
    ['limit=21', 'limit'],
    ['offset=-1', 'offset'],
    ['status=done', 'status'],
    ['app_uuid=nope', 'app_uuid'],
    ['recipient=abc', 'recipient'],
    ['subaccount=MA123', 'subaccount'],
    ['country=India', 'country'],
    ['session_time__gt=27-11-2026', 'session_time__gt'],
    ['session_time=2026-02-30+10:00', 'session_time'],
    ['session_time__gte=2026-11-27+10:00&session_time__lte=2026-11-26+10:00', 'session_time'],
  ])('answers 400 naming the problem for %s', async (query, param) => {
    const res = await sim.get(sim.listPath(query));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { api_id: string; error: string };
    expect(Object.keys(body).sort()).toEqual(['api_id', 'error']);
    expect(body.error).toContain(param);
  });

  it('ignores unknown and empty parameters, as Plivo does', async () => {
    const plain = await list('');
    const noisy = await list('foo=bar&BrandName=&brand_name=&app_hash=&status=&limit=');
    expect(noisy.sessions?.map((s) => s.session_uuid)).toEqual(
      plain.sessions?.map((s) => s.session_uuid),
    );
  });
});

describe('time window and order', () => {
  it('returns only the last 24 hours without a session_time filter, newest first', async () => {
    const all = await listAll('');
    expect(all.length).toBeGreaterThan(300);
    const times = all.map(createdMs);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(TEST_NOW_MS - DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(TEST_NOW_MS);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(all.map((s) => s.session_uuid)).size).toBe(all.length);
  });

  it('never returns anything older than 90 days', async () => {
    const from = plivoTimeParam(TEST_NOW_MS - 120 * DAY);
    const to = plivoTimeParam(TEST_NOW_MS - 89 * DAY);
    const all = await listAll(`session_time__gte=${from}&session_time__lt=${to}&country=GB`);
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) expect(createdMs(s)).toBeGreaterThanOrEqual(TEST_NOW_MS - 90 * DAY);
  });

  it('honours gt/gte/lt/lte bounds and the Node SDK’s single-underscore spelling', async () => {
    const lo = TEST_NOW_MS - 3 * DAY;
    const hi = lo + 2 * 3_600_000;
    const query = `session_time__gte=${plivoTimeParam(lo)}&session_time__lt=${plivoTimeParam(hi)}`;
    const all = await listAll(query);
    expect(all.length).toBeGreaterThan(10);
    for (const s of all) expect(createdMs(s)).toBeGreaterThanOrEqual(lo);
    for (const s of all) expect(createdMs(s)).toBeLessThan(hi);
    const sdk = await listAll(query.replaceAll('__', '_'));
    expect(sdk.map((s) => s.session_uuid)).toEqual(all.map((s) => s.session_uuid));
  });

  it('matches session_time at the precision it is written with', async () => {
    const [session] = (await list('limit=1')).sessions ?? [];
    if (!session) throw new Error('no session');
    const minute = (normaliseInstant(session.created_at) ?? '').slice(0, 16).replace('T', '+');
    const found = await listAll(`session_time=${minute}`);
    expect(found.map((s) => s.session_uuid)).toContain(session.session_uuid);
    for (const s of found) expect(s.created_at.slice(0, 16)).toBe(session.created_at.slice(0, 16));
  });

  it('pages with relative next/previous paths and "sessions": null past the end', async () => {
    const first = await list('limit=5');
    expect(first.meta).toEqual({
      limit: 5,
      offset: 0,
      next: `/v1/Account/${sim.authId}/Verify/Session/?limit=5&offset=5`,
      previous: null,
    });
    const third = await list('limit=5&offset=7');
    expect(third.meta.previous).toBe(`/v1/Account/${sim.authId}/Verify/Session/?limit=5&offset=2`);
    expect((await list('limit=5&offset=2')).meta.previous).toContain('offset=0');
    const beyond = await list('offset=100000');
    expect(beyond.sessions).toBeNull();
    expect(beyond.meta.next).toBeNull();
  });
});

describe('filters', () => {
  const from = `session_time__gte=${plivoTimeParam(TEST_NOW_MS - 7 * DAY)}`;

  it.each([
    ['status=verified', (s: WireSessionLike) => s.status === 'verified'],
    ['status=EXPIRED', (s: WireSessionLike) => s.status === 'expired'],
    ['country=in', (s: WireSessionLike) => s.destination_country_iso2 === 'IN'],
    ['alias=medibook-otp', (s: WireSessionLike) => s.alias === 'medibook-otp'],
    [
      'brand_name=RideGo',
      (s: WireSessionLike) => (s.attempt_details ?? []).every((a) => a.brand_name === 'RideGo'),
    ],
  ])('%s returns only matching sessions', async (filter, matches) => {
    const page = (await list(`${from}&${filter}`)).sessions ?? [];
    expect(page.length).toBe(20);
    for (const s of page) expect(matches(s)).toBe(true);
  });

  it('filters by app_uuid and by app_hash', async () => {
    const app = sim.world.apps.find((a) => a.appHash);
    if (!app?.appHash) throw new Error('no app with a hash');
    const byUuid = (await list(`${from}&app_uuid=${app.uuid}`)).sessions ?? [];
    const byHash = (await list(`${from}&app_hash=${encodeURIComponent(app.appHash)}`)).sessions;
    expect(byUuid.length).toBe(20);
    expect(byUuid.every((s) => s.app_uuid === app.uuid)).toBe(true);
    expect(byHash?.map((s) => s.session_uuid)).toEqual(byUuid.map((s) => s.session_uuid));
  });

  it('finds a recipient written with or without +, with spaces as + or %20', async () => {
    const [session] = (await list('limit=1')).sessions ?? [];
    const digits = session?.recipient ?? '';
    const spaced = `${digits.slice(0, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`;
    const forms = [
      digits,
      `%2B${digits}`,
      encodeURIComponent(`+${spaced}`),
      `%2B${spaced.replaceAll(' ', '+')}`,
      spaced.replaceAll(' ', '%20'),
    ];
    for (const form of forms) {
      const found = (await list(`${from}&recipient=${form}`)).sessions ?? [];
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((s) => s.recipient === digits)).toBe(true);
    }
    expect((await list(`recipient=%2B12025550000`)).sessions).toBeNull();
  });
});

describe('subaccounts', () => {
  const [sub1, sub2] = sim.subaccounts;
  if (!sub1 || !sub2) throw new Error('two subaccounts expected');
  const subApps = (account: number) =>
    new Set(sim.world.apps.filter((a) => a.account === account).map((a) => a.uuid));
  const subPath = (authId: string) => `/v1/Account/${authId}/Verify/Session/`;

  it('shows a subaccount only its own sessions, the parent all or one subaccount’s', async () => {
    const own = await listBody(await sim.get(subPath(sub1.authId), sub1));
    expect(own.sessions?.length).toBe(20);
    expect(own.sessions?.every((s) => subApps(1).has(s.app_uuid))).toBe(true);
    expect(own.meta.next).toContain(`/v1/Account/${sub1.authId}/`);
    const parentAll = await listAll('');
    expect(new Set(parentAll.map((s) => s.app_uuid)).size).toBe(sim.world.apps.length);
    const parentOne = (await list(`subaccount=${sub2.authId}`)).sessions ?? [];
    expect(parentOne.length).toBe(20);
    expect(parentOne.every((s) => subApps(2).has(s.app_uuid))).toBe(true);
  });

  it('shows a subaccount nothing of another subaccount, and 404 for the parent’s session', async () => {
    const other = await sim.get(`${subPath(sub1.authId)}?subaccount=${sub2.authId}`, sub1);
    expect((await listBody(other)).sessions).toBeNull();
    const parentSession = (await list('')).sessions?.find((s) => subApps(0).has(s.app_uuid));
    const res = await sim.get(`${subPath(sub1.authId)}${parentSession?.session_uuid}/`, sub1);
    expect(res.status).toBe(404);
  });
});
