import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsPageSchema } from '../../contract/api.ts';
import { indexStatusSchema } from '../../contract/index-api.ts';
import { toPlivoTime } from '../../contract/time.ts';
import { startCountingPlivo, type CountingPlivo } from '../testing/counting-plivo.ts';
import { healthOf, killHard, spawnServer, type ServerProcess } from '../testing/server-process.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/throwaway-postgres.ts';

// Two replicas on one PostgreSQL: exactly one syncs. kill -9 it in the middle of the
// backfill: the other takes the lead within 30 s, goes on where it stopped, and ends with
// exactly the sessions Plivo lists (what one server alone ends with), none twice.
let postgres: ThrowawayPostgres;
let plivo: CountingPlivo;
let databaseUrl: string;
const servers: ServerProcess[] = [];

async function replica(): Promise<ServerProcess> {
  const server = await spawnServer(plivo.upstream.url, {
    DATABASE_URL: databaseUrl,
    INDEX: 'on',
    LIST_BUDGET_PER_MINUTE: '100000',
  });
  servers.push(server);
  return server;
}

async function status(url: string) {
  return indexStatusSchema.parse(await (await fetch(`${url}/api/index`)).json());
}

/** Every session of a window, page by page, from Plivo (source=plivo) or from the index. */
async function uuids(url: string, window: string, source: 'plivo' | 'index'): Promise<string[]> {
  const out: string[] = [];
  const extra = source === 'plivo' ? '&source=plivo' : '&source=index&limit=500';
  for (let offset: number | null = 0; offset !== null;) {
    const reply = await fetch(`${url}/api/sessions?${window}${extra}&offset=${offset}`);
    const page = sessionsPageSchema.parse(await reply.json());
    expect(page.meta?.source).toBe(source);
    out.push(...page.sessions.map((s) => s.sessionUuid));
    offset = page.page.nextOffset;
  }
  return out;
}

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  databaseUrl = await postgres.createDatabase('leader');
  plivo = await startCountingPlivo({ sessionsPerDay: 600, seed: 'leader' });
}, 60_000);

afterAll(async () => {
  for (const server of servers) await killHard(server);
  await plivo.close();
  postgres.stop();
});

describe('one sync leader among replicas', () => {
  it('hands over within 30 s after kill -9, resumes, and ends equal to Plivo, none twice', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    if (!a || !b) throw new Error('replicas did not start');
    await expect
      .poll(
        async () =>
          [(await healthOf(a.url)).database?.syncing, (await healthOf(b.url)).database?.syncing]
            .map(String)
            .sort((x, y) => x.localeCompare(y)),
        {
          timeout: 15_000,
        },
      )
      .toEqual(['false', 'true']);
    const leader = (await healthOf(a.url)).database?.syncing ? a : b;
    const follower = leader === a ? b : a;
    // Mid-backfill: a few hundred sessions in, days still to read.
    await expect
      .poll(async () => (await status(leader.url)).sessions, { timeout: 30_000 })
      .toBeGreaterThan(300);
    expect((await status(leader.url)).state).toBe('backfilling');
    // The follower answers from its own columns, kept current from PostgreSQL.
    await expect
      .poll(async () => (await status(follower.url)).sessions, { timeout: 10_000 })
      .toBeGreaterThan(300);

    await killHard(leader);
    const killedAt = Date.now();
    const callsBefore = plivo.listCallTimes().length;
    await expect
      .poll(async () => (await healthOf(follower.url)).database?.syncing, { timeout: 30_000 })
      .toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    await expect
      .poll(async () => (await status(follower.url)).coveredDays, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(3);
    // Continuing, not starting over: a fresh start first reads the last hour from offset 0.
    const firstAfter = plivo.upstream.requests.filter((r) => r.path.endsWith('/Verify/Session/'))[
      callsBefore
    ];
    const from = Date.parse(
      `${firstAfter?.query.get('session_time__gte') ?? ''}Z`.replace(' ', 'T'),
    );
    expect(Number.isNaN(from)).toBe(false);
    expect(
      firstAfter?.query.get('offset') === '0' && Math.abs(from - (killedAt - 3_600_000)) < 15_000,
    ).toBe(false);

    const now = Date.now();
    const window = `session_time__gte=${toPlivoTime(now - 3 * 86_400_000 + 3_600_000)}&session_time__lt=${toPlivoTime(now - 3_600_000)}`;
    const live = await uuids(follower.url, window, 'plivo');
    const indexed = await uuids(follower.url, window, 'index');
    expect(live.length).toBeGreaterThan(1000);
    expect(new Set(indexed).size).toBe(indexed.length);
    expect(indexed).toEqual(live);
    // A replica joining now loads the same contents.
    const late = await replica();
    expect(await uuids(late.url, window, 'index')).toEqual(live);
  }, 180_000);
});
