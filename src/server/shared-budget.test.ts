import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../contract/api.ts';
import {
  maxInAnyWindow,
  startCountingPlivo,
  type CountingPlivo,
} from './testing/counting-plivo.ts';
import { startDashboard, type TestDashboard } from './testing/harness.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from './testing/throwaway-postgres.ts';

// Three replicas of the proxy against one counting fake Plivo, with the budget's window cut
// to 2 s so a test sees several windows. With DATABASE_URL they share one budget; without
// it each keeps its own, and together they overspend (the control case).
const WINDOW_MS = 2_000;
// Calls are counted where they arrive, a few ms after the budget timed them.
const SEEN_WINDOW_MS = WINDOW_MS - 100;
let postgres: ThrowawayPostgres;
let plivo: CountingPlivo;
let replicas: TestDashboard[] = [];
let databases = 0;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
}, 60_000);

afterAll(() => postgres.stop());

afterEach(async () => {
  for (const replica of replicas) await replica.close();
  replicas = [];
  await plivo.close();
});

async function start(shared: boolean, env: Record<string, string> = {}) {
  plivo = await startCountingPlivo();
  const url = shared ? await postgres.createDatabase(`budget_${++databases}`) : null;
  for (let i = 0; i < 3; i++) {
    replicas.push(
      await startDashboard(
        {
          LIST_BUDGET_PER_MINUTE: '20',
          BUDGET_QUEUE_SIZE: '100',
          BUDGET_MAX_WAIT_SECONDS: '30',
          ...(url ? { DATABASE_URL: url } : {}),
          ...env,
        },
        plivo.upstream,
        { budgetWindowMs: WINDOW_MS },
      ),
    );
  }
}

/** `count` different list requests (no cache hits), spread over the replicas. */
function burst(count: number): Promise<Response[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      fetch(`${replicas[i % replicas.length]?.url}/api/sessions?alias=burst${i}`),
    ),
  );
}

describe('one budget across replicas (DATABASE_URL)', () => {
  it('control: three replicas without a shared budget overspend it', async () => {
    await start(false);
    await burst(60);
    expect(maxInAnyWindow(plivo.listCallTimes(), SEEN_WINDOW_MS)).toBeGreaterThan(20);
  }, 30_000);

  it('three replicas together keep to the budget in every window, and answer everyone', async () => {
    await start(true);
    const replies = await burst(60);
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    const times = plivo.listCallTimes();
    expect(times).toHaveLength(60);
    expect(maxInAnyWindow(times, SEEN_WINDOW_MS)).toBeLessThanOrEqual(20);
  }, 60_000);

  it("shares Plivo's 429 pause: the other replicas hold their calls too", async () => {
    // A 20 s pause is longer than a request may wait (5 s): the others refuse at once.
    await start(true, { BUDGET_MAX_WAIT_SECONDS: '5' });
    plivo.fault = () => ({
      status: 429,
      json: { api_id: 'x', error: 'too many requests' },
      headers: { 'retry-after': '20' },
    });
    const first = await fetch(`${replicas[0]?.url}/api/sessions?alias=first`);
    expect(first.status).toBe(429);
    plivo.fault = null;
    const callsAfter429 = plivo.listCallTimes().length;
    const other = await fetch(`${replicas[1]?.url}/api/sessions?alias=other`);
    expect(other.status).toBe(429);
    expect(Number(other.headers.get('retry-after'))).toBeGreaterThan(10);
    const body = apiErrorBodySchema.parse(await other.json());
    expect(body.error.code).toBe('rate_limited');
    expect(plivo.listCallTimes()).toHaveLength(callsAfter429);
  }, 30_000);
});
