import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './countries.ts';
import { HOUR_US } from './generator.ts';
import { createRateLimiter } from './rate-limit.ts';
import { listBody, plivoTimeParam, testSimulator, TEST_NOW_MS } from './test-support.ts';

const postJson = (sim: ReturnType<typeof testSimulator>, path: string, body: unknown) =>
  sim.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('rate limit', () => {
  it('allows 20 list requests per minute by default, then 429 "too many requests"', async () => {
    const sim = testSimulator({ listRateLimitPerMinute: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await sim.get(sim.listPath())).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await sim.get(sim.listPath());
    expect(statuses[20]).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await limited.json()).toEqual({
      api_id: expect.any(String),
      error: 'too many requests',
    });
  });

  it('counts per account and leaves retrieve alone', async () => {
    const sim = testSimulator({ listRateLimitPerMinute: 2 });
    const [sub] = sim.subaccounts;
    if (!sub) throw new Error('no subaccount');
    const first = await listBody(await sim.get(sim.listPath()));
    await sim.get(sim.listPath());
    expect((await sim.get(sim.listPath())).status).toBe(429);
    const subPath = `/v1/Account/${sub.authId}/Verify/Session/`;
    expect((await sim.get(subPath, sub)).status).toBe(200);
    const uuid = first.sessions?.[0]?.session_uuid ?? '';
    expect((await sim.get(`/v1/Account/${sim.authId}/Verify/Session/${uuid}/`)).status).toBe(200);
  });

  it('rolls over: a request is allowed again once the oldest leaves the window', () => {
    let now = 0;
    const limiter = createRateLimiter(2, 60_000, () => now);
    expect([limiter.take('MA'), limiter.take('MA'), limiter.take('MA')]).toEqual([
      true,
      true,
      false,
    ]);
    now = 59_999;
    expect(limiter.take('MA')).toBe(false);
    now = 60_001;
    expect([limiter.take('MA'), limiter.take('MA'), limiter.take('MA')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.take('SA')).toBe(true);
  });
});

describe('time moves', () => {
  it('brings new sessions and resolves in-progress ones as the clock advances', async () => {
    const sim = testSimulator({ testControls: true });
    const before = await listBody(await sim.get(sim.listPath('status=in-progress')));
    const pending = before.sessions ?? [];
    expect(pending.length).toBeGreaterThan(0);
    const newest = (await listBody(await sim.get(sim.listPath('limit=1')))).sessions?.[0];
    const moved = await postJson(sim, '/__sim/clock', { advanceSeconds: 3600 });
    expect(await moved.json()).toEqual({ now: '2026-11-27T11:00:00.000Z', fixed: true });
    const top = (await listBody(await sim.get(sim.listPath('limit=1')))).sessions?.[0];
    expect((top?.created_at ?? '') > (newest?.created_at ?? '')).toBe(true);
    for (const s of pending) {
      const res = await sim.get(`/v1/Account/${sim.authId}/Verify/Session/${s.session_uuid}/`);
      const after = (await res.json()) as { status: string; count: number };
      expect(['verified', 'expired']).toContain(after.status);
      expect(after.count).toBeGreaterThanOrEqual(s.count);
    }
  });

  it('sets the clock to a given instant and rejects a bad body with a clear message', async () => {
    const sim = testSimulator({ testControls: true });
    const set = await postJson(sim, '/__sim/clock', { now: '2026-11-20T00:00:00Z' });
    expect(((await set.json()) as { now: string }).now).toBe('2026-11-20T00:00:00.000Z');
    const top = (await listBody(await sim.get(sim.listPath('limit=1')))).sessions?.[0];
    expect(top?.created_at.startsWith('2026-11-20T0')).toBe(true);
    const bad = await postJson(sim, '/__sim/clock', { advanceSeconds: 'soon' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/./);
  });

  it('keeps the test controls unreachable unless enabled', async () => {
    const sim = testSimulator();
    for (const path of ['/__sim/clock', '/__sim/faults', '/__sim/info']) {
      expect((await sim.app.request(path)).status).toBe(404);
    }
    expect((await postJson(sim, '/__sim/faults', { kind: 'drop' })).status).toBe(404);
  });
});

describe('built-in incident', () => {
  it('leaves IN SMS on AirTel undelivered for 40 minutes yesterday, and only then', async () => {
    const sim = testSimulator({ sessionsPerDay: 3000 });
    const [incident] = sim.incidents;
    expect(incident).toMatchObject({ country: 'IN', carrier: 'AirTel' });
    const start = (incident?.startUs ?? 0) / 1000;
    expect(new Date(start).toISOString()).toBe('2026-11-26T10:20:00.000Z');
    expect(((incident?.endUs ?? 0) - (incident?.startUs ?? 0)) / 60_000_000).toBe(40);
    const smsStatuses = async (fromMs: number, toMs: number) => {
      const statuses: string[] = [];
      const query = `country=IN&session_time__gte=${plivoTimeParam(fromMs)}&session_time__lt=${plivoTimeParam(toMs)}`;
      for (let offset = 0; ; offset += 20) {
        const page = await listBody(await sim.get(sim.listPath(`${query}&offset=${offset}`)));
        for (const s of page.sessions ?? []) {
          if (s.destination_network !== 'AirTel') continue;
          const first = s.attempt_details?.[0];
          if (first?.channel === 'sms') statuses.push(first.status);
        }
        if (!page.meta.next) return statuses;
      }
    };
    const during = await smsStatuses(start + 60_000, start + 39 * 60_000);
    expect(during.length).toBeGreaterThan(5);
    expect(during.every((s) => s === 'undelivered')).toBe(true);
    const dayBefore = await smsStatuses(start - 86_400_000, start - 86_400_000 + 40 * 60_000);
    const delivered = dayBefore.filter((s) => s === 'delivered').length;
    expect(delivered / dayBefore.length).toBeGreaterThan(0.8);
  });
});

describe('data set shape', () => {
  it('spans about ten countries, real carriers, several apps and 90 days', () => {
    const sim = testSimulator();
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(10);
    expect(sim.world.apps.length).toBeGreaterThanOrEqual(5);
    expect(new Set(sim.world.apps.map((a) => a.account))).toEqual(new Set([0, 1, 2]));
    const size = sim.store.size();
    expect(size.buckets).toBe(90 * 24 + 1);
    expect(size.sessions).toBeGreaterThan(90 * 400 * 0.9);
    const hour = Math.floor((TEST_NOW_MS * 1000) / HOUR_US);
    expect(sim.store.bucket(hour).count).toBeGreaterThan(0);
  });
});
