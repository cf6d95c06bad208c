import { afterEach, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../contract/api.ts';
import { startFakeUpstream } from '../testing/fake-upstream.ts';
import { startDashboard } from '../testing/harness.ts';
import { listOf, UUID } from '../testing/payloads.ts';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

describe("the upstream's Retry-After", () => {
  it('holds every call for as long as a 429 asks, when that is longer than the own pause', async () => {
    const upstream = await startFakeUpstream(() => ({
      status: 429,
      headers: { 'retry-after': '30' },
      json: { api_id: 'x', error: 'too many requests' },
    }));
    // The budgets' clock is the test's: the 30 s pass in a step, not in real time.
    let now = Date.now();
    const dash = await startDashboard({ BUDGET_MAX_WAIT_SECONDS: '0' }, upstream, {
      budgetClock: () => now,
    });
    running.push(dash, upstream);
    const get = (path: string) => fetch(dash.url + path);

    const first = await get('/api/sessions');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('30');
    expect(apiErrorBodySchema.parse(await first.json()).error).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 30,
      message: expect.stringContaining('try again in 30 s'),
    });

    upstream.handle(() => ({ json: listOf(UUID) }));
    // Past the dashboard's own first pause (10 s), still inside Plivo's 30 s.
    now += 29_000;
    const early = await get('/api/sessions?offset=20');
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(upstream.calls()).toBe(1);

    now += 1_000;
    expect((await get('/api/sessions?offset=20')).status).toBe(200);
    expect(upstream.calls()).toBe(2);
  });

  it('reads a Retry-After given as an HTTP-date', async () => {
    const upstream = await startFakeUpstream(() => ({
      status: 429,
      headers: { 'retry-after': new Date(Date.now() + 45_000).toUTCString() },
      json: { api_id: 'x', error: 'too many requests' },
    }));
    const dash = await startDashboard({}, upstream);
    running.push(dash, upstream);
    const reply = await fetch(`${dash.url}/api/sessions`);
    const seconds = Number(reply.headers.get('retry-after'));
    // The date has whole seconds, and reading it takes a moment (longer on a busy machine).
    expect(seconds).toBeGreaterThanOrEqual(40);
    expect(seconds).toBeLessThanOrEqual(45);
  });
});
