import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema, sessionDetailSchema, sessionsPageSchema } from '../../contract/api.ts';
import { startFakeUpstream } from '../testing/fake-upstream.ts';
import { rawGet, startDashboard, type TestDashboard } from '../testing/harness.ts';

const SIM_TOKEN = 'SimTokenForDashboardTests-42';
const NOW = '2026-11-20T12:00:00Z';
let dash: TestDashboard;

beforeAll(async () => {
  dash = await startDashboard({
    SIM_NOW: NOW,
    SIM_SEED: '11',
    SIM_SESSIONS_PER_DAY: '400',
    SIM_TEST_CONTROLS: '1',
    SIM_AUTH_TOKEN: SIM_TOKEN,
  });
});
afterAll(async () => {
  await dash.close();
});

const getJson = async (path: string, init?: RequestInit) => {
  const response = await fetch(dash.url + path, init);
  const json: unknown = await response.json();
  return { response, json };
};

describe('on the built-in simulator (no Plivo credentials)', () => {
  it('says so in /api/health', async () => {
    const health = healthSchema.parse((await getJson('/api/health')).json);
    expect(health).toMatchObject({
      mode: 'simulator',
      upstreamReachable: true,
      budget: { perMinute: 20 },
    });
  });

  it('lists the simulator’s sessions of the last 24 hours of its clock, normalised', async () => {
    const { response, json } = await getJson('/api/sessions');
    expect(response.status).toBe(200);
    const page = sessionsPageSchema.parse(json);
    expect(page.sessions).toHaveLength(20);
    expect(page.page).toEqual({ limit: 20, offset: 0, nextOffset: 20 });
    for (const s of page.sessions) {
      expect(s.createdAt! <= '2026-11-20T12:00:00.000000Z').toBe(true);
      expect(s.createdAt! >= '2026-11-19T12:00:00.000000Z').toBe(true);
      expect(s.recipient).toMatch(/^\+\d{8,15}$/);
    }
    const first = page.sessions[0]!;
    const detail = sessionDetailSchema.parse(
      (await getJson(`/api/sessions/${first.sessionUuid}`)).json,
    );
    expect(detail.session).toEqual(first);
    expect(detail.raw).toMatchObject({ session_uuid: first.sessionUuid });
  });

  it('filters through to the simulator', async () => {
    const page = sessionsPageSchema.parse(
      (await getJson('/api/sessions?status=verified&offset=0')).json,
    );
    expect(page.sessions.length).toBeGreaterThan(0);
    expect(new Set(page.sessions.map((s) => s.status))).toEqual(new Set(['verified']));
  });

  it('reports a missing session as not found', async () => {
    const { response, json } = await getJson('/api/sessions/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(json).toMatchObject({ error: { code: 'not_found' } });
  });

  it('forwards the simulator’s test controls and forgets cached replies after a change', async () => {
    await getJson('/api/sessions?alias=none-such');
    const cached = await fetch(`${dash.url}/api/sessions?alias=none-such`);
    expect(cached.headers.get('x-cache')).toBe('hit');
    const fault = await getJson('/__sim/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'status', status: 503, count: 1, target: 'list' }),
    });
    expect(fault.response.status).toBe(201);
    const failed = await getJson('/api/sessions?alias=none-such');
    expect(failed.response.status).toBe(502);
    expect(failed.json).toMatchObject({
      error: {
        code: 'upstream_error',
        message: expect.stringMatching(/^The built-in simulator failed with HTTP 503/),
      },
    });
    const clock = await getJson('/__sim/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 3600 }),
    });
    expect(clock.json).toMatchObject({ now: '2026-11-20T13:00:00.000Z' });
    expect((await rawGet(dash.url, '/__sim/nope/../clock')).status).toBe(400);
    expect((await getJson('/__sim/clock/extra')).response.status).toBe(404);
  });

  it('refuses past the budget, and a test-control rate-limit reset refills it', async () => {
    let status = 200;
    for (let offset = 100; offset < 130 && status === 200; offset += 1) {
      status = (await fetch(`${dash.url}/api/sessions?offset=${offset}`)).status;
    }
    expect(status).toBe(429);
    const reset = await fetch(`${dash.url}/__sim/rate-limit`, { method: 'DELETE' });
    expect(reset.status).toBe(200);
    expect((await fetch(`${dash.url}/api/sessions?offset=200`)).status).toBe(200);
  });

  it('never shows the simulator’s credentials', () => {
    expect(dash.logs.join('\n')).not.toContain(SIM_TOKEN);
  });
});

describe('without test controls', () => {
  it('has no /__sim routes', async () => {
    const plain = await startDashboard({ SIM_SESSIONS_PER_DAY: '10' });
    try {
      expect((await fetch(`${plain.url}/__sim/clock`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('never has them on live Plivo, even with SIM_TEST_CONTROLS=1', async () => {
    const upstream = await startFakeUpstream(() => ({ json: { advanced: true } }));
    const live = await startDashboard({ SIM_TEST_CONTROLS: '1' }, upstream);
    try {
      const reply = await fetch(`${live.url}/__sim/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: 60 }),
      });
      expect(reply.status).toBe(405);
      expect((await fetch(`${live.url}/__sim/faults`)).status).toBe(404);
      expect(upstream.requests).toEqual([]);
      expect(live.logs.join('\n')).not.toMatch(/test controls/i);
    } finally {
      await live.close();
      await upstream.close();
    }
  });
});
