import { Client } from 'plivo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './simulator.ts';
import { TEST_NOW_MS } from './test-support.ts';

/**
 * The official Node SDK, pointed at the simulator with its `url` option, must list with
 * filters, follow `next`, and retrieve sessions exactly as it would against Plivo.
 */
type SdkSession = {
  sessionUuid: string;
  appUuid: string;
  recipient: string;
  status: string;
  count: number;
  createdAt: string;
  destination_country_iso2: string;
  attemptDetails: unknown[] | null;
  charges: { totalCharge: string; validationCharge: string };
};
type SdkList = {
  api_id: string;
  meta: { limit: number; offset: number; next: string | null; previous: string | null };
  sessions: SdkSession[] | null;
};

let sim: RunningSimulator;
const client = (id = sim.authId, token = sim.authToken) =>
  new Client(id, token, { url: `${sim.url}/v1/Account/${id}` });
const list = (params: Record<string, unknown>, c = client()) =>
  c.verify_session.list(params) as unknown as Promise<SdkList>;
const sdkTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

beforeAll(async () => {
  sim = await startSimulator({
    now: TEST_NOW_MS,
    sessionsPerDay: 300,
    listRateLimitPerMinute: 10_000,
  });
});
afterAll(() => sim.close());

describe('the official plivo Node SDK against the simulator', () => {
  it('lists with filters', async () => {
    const page = await list({ status: 'verified', country: 'IN', limit: 10 });
    expect(page.api_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.meta.limit).toBe(10);
    expect(page.sessions?.length).toBe(10);
    for (const s of page.sessions ?? []) {
      expect(s.status).toBe('verified');
      expect(s.destination_country_iso2).toBe('IN');
      expect(typeof s.charges.totalCharge).toBe('string');
    }
  });

  it('follows next to the end without duplicates, newest first', async () => {
    const from = sdkTime(TEST_NOW_MS - 2 * 86_400_000);
    const seen: SdkSession[] = [];
    let offset = 0;
    for (;;) {
      const page = await list({ sessionTimeGreaterOrEqual: from, status: 'expired', offset });
      seen.push(...(page.sessions ?? []));
      if (!page.meta.next) break;
      offset = Number(new URL(page.meta.next, sim.url).searchParams.get('offset'));
    }
    expect(seen.length).toBeGreaterThan(40);
    expect(new Set(seen.map((s) => s.sessionUuid)).size).toBe(seen.length);
    const created = seen.map((s) => Date.parse(s.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(TEST_NOW_MS - 2 * 86_400_000);
  });

  it('sends session_time__gte as written (the SDK makes it single-underscore) and it still works', async () => {
    const from = sdkTime(TEST_NOW_MS - 2 * 86_400_000);
    const to = sdkTime(TEST_NOW_MS - 86_400_000 - 3_600_000);
    const page = await list({ session_time__gte: from, session_time__lt: to });
    const times = (page.sessions ?? []).map((s) => Date.parse(s.createdAt));
    expect(times.length).toBe(20);
    for (const t of times) expect(t).toBeLessThan(Date.parse(`${to.replace(' ', 'T')}Z`));
  });

  it('retrieves every session of a page', async () => {
    const page = await list({ limit: 20 });
    for (const s of page.sessions ?? []) {
      const one = await client().verify_session.get(s.sessionUuid);
      expect(one.sessionUuid).toBe(s.sessionUuid);
      expect(one.apiId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(one.createdAt)).toBe(Date.parse(s.createdAt));
      expect(one.count).toBe(s.count);
    }
  });

  it('finds a recipient given in E.164 and copes with an empty result', async () => {
    const [first] = (await list({ limit: 1 })).sessions ?? [];
    const found = await list({ recipient: `+${first?.recipient}` });
    expect(found.sessions?.map((s) => s.sessionUuid)).toContain(first?.sessionUuid);
    const none = await list({ recipient: '+12025550000' });
    expect(none.sessions).toBeNull();
  });

  it('works with subaccount credentials', async () => {
    const [sub] = sim.subaccounts;
    const page = await list({ limit: 5 }, client(sub?.authId, sub?.authToken));
    expect(page.sessions?.length).toBe(5);
  });

  it('rejects with Plivo’s error texts for 401, 404 and 400', async () => {
    await expect(list({}, client(sim.authId, 'wrong-token'))).rejects.toThrow(
      'authentication credentials were not provided',
    );
    await expect(
      client().verify_session.get('00000000-0000-4000-8000-000000000000'),
    ).rejects.toThrow('not found');
    await expect(list({ status: 'done' })).rejects.toThrow(/status must be one of/);
  });
});
