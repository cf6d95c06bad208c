import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './simulator.ts';
import { faultSchema } from './faults.ts';
import { basicAuth, TEST_NOW, testSimulator } from './test-support.ts';

/** Faults are tested over real HTTP: drops and truncation only exist on a socket. */
let sim: RunningSimulator;
let headers: Record<string, string>;
const listUrl = () => `${sim.url}/v1/Account/${sim.authId}/Verify/Session/`;
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const addFault = async (fault: Record<string, unknown>) => {
  const res = await control('POST', 'faults', fault);
  expect(res.status).toBe(201);
};

beforeAll(async () => {
  sim = await startSimulator({
    now: TEST_NOW,
    sessionsPerDay: 200,
    testControls: true,
    listRateLimitPerMinute: 10_000,
  });
  headers = { authorization: basicAuth(sim.authId, sim.authToken) };
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control('DELETE', 'faults');
});

describe('faults on demand', () => {
  it('adds latency until cleared', async () => {
    await addFault({ kind: 'latency', ms: 400 });
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      expect((await fetch(listUrl(), { headers })).status).toBe(200);
      expect(performance.now() - t).toBeGreaterThanOrEqual(390);
    }
    await control('DELETE', 'faults');
    const t = performance.now();
    await (await fetch(listUrl(), { headers })).text();
    // Any bound below the 400 ms would do: the widest one is the least timing-fragile.
    expect(performance.now() - t).toBeLessThan(390);
  });

  it('answers an error status for the next N requests, then recovers', async () => {
    await addFault({ kind: 'status', status: 503, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(listUrl(), { headers })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('forces a 429 with Plivo’s body', async () => {
    await addFault({ kind: 'rate-limit' });
    const res = await fetch(listUrl(), { headers });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: string }).error).toBe('too many requests');
  });

  it('sends a malformed JSON body', async () => {
    await addFault({ kind: 'malformed' });
    const res = await fetch(listUrl(), { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('truncates the body mid-way', async () => {
    await addFault({ kind: 'truncated' });
    const res = await fetch(listUrl(), { headers });
    await expect(res.text()).rejects.toThrow('terminated');
    expect((await fetch(listUrl(), { headers })).status).toBe(200);
  });

  it('drops the connection without a reply', async () => {
    await addFault({ kind: 'drop' });
    await expect(fetch(listUrl(), { headers })).rejects.toThrow('fetch failed');
    expect((await fetch(listUrl(), { headers })).status).toBe(200);
  });

  it('trickles a complete body slowly', async () => {
    await addFault({ kind: 'slow', ms: 300 });
    const t = performance.now();
    const res = await fetch(listUrl(), { headers });
    const body = (await res.json()) as { sessions: unknown[] };
    expect(performance.now() - t).toBeGreaterThanOrEqual(280);
    expect(body.sessions.length).toBe(20);
  });

  it('limits a fault to one route when asked', async () => {
    await addFault({ kind: 'status', status: 500, target: 'retrieve' });
    const list = await fetch(listUrl(), { headers });
    expect(list.status).toBe(200);
    const { sessions } = (await list.json()) as { sessions: { session_uuid: string }[] };
    const uuid = sessions[0]?.session_uuid ?? '';
    expect((await fetch(`${listUrl()}${uuid}/`, { headers })).status).toBe(500);
    expect((await fetch(`${listUrl()}${uuid}/`, { headers })).status).toBe(200);
  });

  it('lists and clears faults, and rejects a bad fault with a clear message', async () => {
    await addFault({ kind: 'status', status: 502, count: 3 });
    const listed = (await (await control('GET', 'faults')).json()) as { faults: unknown[] };
    expect(listed.faults).toEqual([
      { fault: { kind: 'status', status: 502, count: 3, target: 'any' }, remaining: 3 },
    ]);
    const cleared = (await (await control('DELETE', 'faults')).json()) as { faults: unknown[] };
    expect(cleared.faults).toEqual([]);
    const bad = await control('POST', 'faults', { kind: 'status', status: 200 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('status');
    const unknown = await control('POST', 'faults', { kind: 'explode' });
    expect(unknown.status).toBe(400);
  });

  it('resets the rate-limit budget', async () => {
    const limited = testSimulator({ testControls: true, listRateLimitPerMinute: 1 });
    expect((await limited.get(limited.listPath())).status).toBe(200);
    expect((await limited.get(limited.listPath())).status).toBe(429);
    const res = await limited.app.request('/__sim/rate-limit', { method: 'DELETE' });
    expect(await res.json()).toEqual({ reset: true });
    expect((await limited.get(limited.listPath())).status).toBe(200);
  });

  it('describes the accounts, apps and incidents without tokens', async () => {
    const text = await (await control('GET', 'info')).text();
    expect(text).toContain(sim.authId);
    expect(text).not.toContain(sim.authToken);
    expect(JSON.parse(text)).toMatchObject({ incidents: [{ country: 'IN', carrier: 'AirTel' }] });
  });
});

describe('faults in process (no socket)', () => {
  it('still fails the body for truncated and dropped replies', async () => {
    const local = testSimulator({ testControls: true });
    for (const kind of ['truncated', 'drop']) {
      local.faults.add(faultSchema.parse({ kind }));
      const res = await local.get(local.listPath());
      await expect(res.text()).rejects.toThrow('simulated truncated body');
    }
    expect((await local.get(local.listPath())).status).toBe(200);
  });
});
