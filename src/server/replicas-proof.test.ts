import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  maxInAnyWindow,
  startCountingPlivo,
  type CountingPlivo,
} from './testing/counting-plivo.ts';
import { healthOf, killHard, spawnServer, type ServerProcess } from './testing/server-process.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from './testing/throwaway-postgres.ts';

// The proof of issue #16: three replicas (separate processes) on one PostgreSQL, Plivo's
// real budget (20 list calls a minute), and a counting fake Plivo that answers 429 as Plivo
// would past 20 calls in 60 s. 100 clients for 60 s spread over the replicas: at most 20
// list calls in every 61-second window, no 429 from Plivo, every client answered.
// (The sync leader's kill -9 and takeover: index/sync-leader.test.ts.)
const CLIENTS = 100;
const RUN_MS = 60_000;
const FILTERS = [
  '',
  'status=expired',
  'status=verified',
  'country=IN',
  'country=US',
  'country=GB',
  'status=in-progress',
  'country=BR',
];
let postgres: ThrowawayPostgres;
let plivo: CountingPlivo;
const replicas: ServerProcess[] = [];
let plivo429s = 0;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  const databaseUrl = await postgres.createDatabase('proof');
  plivo = await startCountingPlivo({ sessionsPerDay: 200, seed: 'proof' });
  // Plivo's own limit: a list call beyond 20 in the last 60 s is refused.
  plivo.fault = (request) => {
    if (!request.path.endsWith('/Verify/Session/')) return null;
    const recent = plivo.listCallTimes().filter((t) => t > request.at - 60_000 && t < request.at);
    if (recent.length < 20) return null;
    plivo429s++;
    return { status: 429, json: { error: 'too many requests' }, headers: { 'retry-after': '5' } };
  };
  for (let i = 0; i < 3; i++) {
    replicas.push(
      await spawnServer(plivo.upstream.url, {
        DATABASE_URL: databaseUrl,
        INDEX: 'on',
        LIST_BUDGET_PER_MINUTE: '20',
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  for (const replica of replicas) await killHard(replica);
  await plivo.close();
  postgres.stop();
});

type Outcome = { status: number; retryAfter: string | null } | { error: string };

async function client(n: number, until: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; Date.now() < until; i++) {
    const replica = replicas[(n + i) % replicas.length];
    // Mostly the filters everyone looks at (cache and index hits), sometimes one's own.
    const filter =
      i % 5 === 4 ? `alias=client${n}-${i}` : (FILTERS[(n + i) % FILTERS.length] ?? '');
    try {
      const reply = await fetch(`${replica?.url}/api/sessions?${filter}`, {
        signal: AbortSignal.timeout(30_000),
      });
      await reply.arrayBuffer();
      outcomes.push({ status: reply.status, retryAfter: reply.headers.get('retry-after') });
    } catch (error) {
      outcomes.push({ error: error instanceof Error ? error.message : String(error) });
    }
    await new Promise((r) => setTimeout(r, 500 + ((n * 37 + i * 11) % 1000)));
  }
  return outcomes;
}

describe('three replicas behind a load balancer', () => {
  it('keep to one budget under 100 clients for 60 s and answer every client', async () => {
    const roles = await Promise.all(replicas.map(async (r) => (await healthOf(r.url)).database));
    expect(roles.every((d) => d?.reachable)).toBe(true);
    const until = Date.now() + RUN_MS;
    const results = await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n, until)));
    const all = results.flat();
    const failures = all.filter((o) => 'error' in o || (o.status !== 200 && o.status !== 429));
    expect(failures).toEqual([]);
    // Every client got sessions, not only "wait": an answer from the cache, the index or Plivo.
    expect(results.filter((r) => r.some((o) => 'status' in o && o.status === 200))).toHaveLength(
      CLIENTS,
    );
    // A refusal by the dashboard's own budget always says when to come back.
    expect(all.filter((o) => 'status' in o && o.status === 429 && !o.retryAfter)).toEqual([]);
    const times = plivo.listCallTimes();
    expect(times.length).toBeGreaterThan(20);
    expect(maxInAnyWindow(times, 61_000)).toBeLessThanOrEqual(20);
    expect(plivo429s).toBe(0);
    const syncing = await Promise.all(
      replicas.map(async (r) => (await healthOf(r.url)).database?.syncing),
    );
    expect(syncing.filter(Boolean)).toHaveLength(1);
    console.log(
      `replicas proof: ${all.length} requests, ${all.filter((o) => 'status' in o && o.status === 200).length} answered 200, ${all.filter((o) => 'status' in o && o.status === 429).length} asked to wait; ${times.length} list calls, at most ${maxInAnyWindow(times, 61_000)} in any 61 s; ${plivo429s} 429s from Plivo`,
    );
  }, 120_000);
});
