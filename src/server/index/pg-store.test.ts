import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../db/pg-migrations.ts';
import { openDatabase, type Database } from '../db/postgres.ts';
import { makeRow } from '../testing/session-rows.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/throwaway-postgres.ts';
import { PgStore } from './pg-store.ts';
import { SessionIndex } from './session-index.ts';

// The shared store against a real PostgreSQL (a throwaway server in a temp folder).
let server: ThrowawayPostgres;
const opened: Database[] = [];
let databases = 0;

async function freshDatabase(): Promise<{ url: string; db: Database; logs: string[] }> {
  const url = await server.createDatabase(`store_${++databases}`);
  const logs: string[] = [];
  const db = await openDatabase(url, (line) => logs.push(line));
  opened.push(db);
  return { url, db, logs };
}

beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 60_000);

afterAll(async () => {
  for (const db of opened) await db.close();
  server.stop();
});

describe('the PostgreSQL session store', () => {
  it('keeps one row per session uuid, with the same rowid when it is written again', async () => {
    const store = new PgStore((await freshDatabase()).db);
    const [a] = await store.upsert([makeRow({ uuid: 'a', status: 'in-progress' })]);
    const [again, b] = await store.upsert([
      makeRow({ uuid: 'a', status: 'verified' }),
      makeRow({ uuid: 'b' }),
    ]);
    expect(again).toBe(a);
    // Re-reads spend no rowids: the in-memory columns hold one slot per rowid.
    expect(b).toBe((a ?? 0) + 1);
    expect(await store.count()).toBe(2);
    const rows: string[] = [];
    await store.forEachRow((_, row) => rows.push(`${row.uuid}:${row.status ?? ''}`));
    expect(rows).toEqual(['a:verified', 'b:verified']);
  });

  it('finds sessions by whole number and by last digits', async () => {
    const store = new PgStore((await freshDatabase()).db);
    const [x, y] = await store.upsert([
      makeRow({ uuid: 'x', recipient: '918681951370' }),
      makeRow({ uuid: 'y', recipient: '14155550100' }),
    ]);
    expect(await store.recipientRows('918681951370', 'exact')).toEqual([x]);
    expect(await store.recipientRows('1370', 'suffix')).toEqual([x]);
    expect(await store.recipientRows('0100', 'suffix')).toEqual([y]);
    expect(await store.recipientRows('8681', 'suffix')).toEqual([]);
    expect((await store.json([x ?? 0])).get(x ?? 0)).toBe(JSON.stringify({ sessionUuid: 'x' }));
  });

  it('lets another replica follow writes, subaccount changes and deletions', async () => {
    const { db } = await freshDatabase();
    const writer = await SessionIndex.open(new PgStore(db));
    const follower = await SessionIndex.open(new PgStore(db));
    await writer.writeRows([
      makeRow({ uuid: 'p', app: 'app-1', createdUs: 1_000 }),
      makeRow({ uuid: 'q', createdUs: 2_000 }),
      makeRow({ uuid: 'r', createdUs: 3_000 }),
    ]);
    await writer.setSubaccountForApp('app-1', 'SAXXXXXXXXXXXXXXXXXX');
    await writer.deleteCreatedBefore(1_500);
    expect(await follower.follow()).toBeGreaterThan(0);
    expect(follower.sessions).toBe(2);
    expect(await follower.follow()).toBe(0);
    // A replica starting now loads the same rows.
    const late = await SessionIndex.open(new PgStore(db));
    expect(late.sessions).toBe(2);
  });

  it('keeps state as JSON by key', async () => {
    const store = new PgStore((await freshDatabase()).db);
    expect(await store.readState('sync')).toBeNull();
    await store.writeState('sync', { coveredFromUs: 5 });
    await store.writeState('sync', { coveredFromUs: 6 });
    expect(await store.readState('sync')).toEqual({ coveredFromUs: 6 });
  });

  it('migrates once when replicas start together', async () => {
    const url = await server.createDatabase('together');
    const logs: string[] = [];
    const dbs = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase(url, (line) => logs.push(line))),
    );
    opened.push(...dbs);
    // Every migration applied exactly once, by one of the four.
    for (const version of PG_MIGRATIONS.keys()) {
      expect(logs.filter((l) => l.includes(`applied migration ${version + 1}`))).toHaveLength(1);
    }
    const versions = await dbs[0]?.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions?.rows).toEqual(PG_MIGRATIONS.map((_, i) => ({ version: i + 1 })));
  });

  it('refuses a schema newer than this release, naming the database but not the password', async () => {
    const url = await server.createDatabase('newer');
    const db = await openDatabase(url, () => {});
    await db.query('INSERT INTO schema_migrations (version) VALUES (99)');
    await db.close();
    const withPassword = url.replace('postgres@', 'postgres:s3cret-pw@');
    await expect(openDatabase(withPassword, () => {})).rejects.toThrow(
      /^PostgreSQL at 127\.0\.0\.1:\d+\/newer \(DATABASE_URL\) cannot be used: its schema is version 99, newer than this dashboard \(2\)/,
    );
  });
});
