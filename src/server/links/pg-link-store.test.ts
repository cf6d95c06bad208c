import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailable, openDatabase, type Database } from '../db/postgres.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/throwaway-postgres.ts';
import { LinkIdTaken, PgLinkStore } from './pg-link-store.ts';

// Short links in a real PostgreSQL: what one replica saves, another finds.
let server: ThrowawayPostgres;
let db: Database;
let other: Database;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  const url = await server.createDatabase('links');
  db = await openDatabase(url, () => {});
  other = await openDatabase(url, () => {});
}, 60_000);

afterAll(async () => {
  await db.close();
  await other.close();
  server.stop();
});

describe('short links in PostgreSQL', () => {
  it('finds on one replica the link saved on another, exactly as saved', async () => {
    const link = {
      id: 'Ab3_x9Kq',
      url: '/?status=expired&from=2026-11-20T10:00:00Z',
      createdAt: 1_764_000_000_123,
    };
    await new PgLinkStore(db).save(link);
    expect(await new PgLinkStore(other).find('Ab3_x9Kq')).toEqual(link);
    expect(await new PgLinkStore(other).find('nope')).toBeNull();
  });

  it('refuses a second link with the same id, keeping the first', async () => {
    const store = new PgLinkStore(db);
    await store.save({ id: 'same', url: '/?a=1', createdAt: 1 });
    await expect(store.save({ id: 'same', url: '/?b=2', createdAt: 2 })).rejects.toBeInstanceOf(
      LinkIdTaken,
    );
    expect((await store.find('same'))?.url).toBe('/?a=1');
  });

  it('deletes only the links created before the cut-off', async () => {
    const store = new PgLinkStore(db);
    await store.save({ id: 'old1', url: '/?old', createdAt: 1_000 });
    await store.save({ id: 'new1', url: '/?new', createdAt: 3_000 });
    expect(await store.deleteCreatedBefore(2_000)).toBeGreaterThanOrEqual(1);
    expect(await store.find('old1')).toBeNull();
    expect(await store.find('new1')).not.toBeNull();
  });

  it('says the database is unavailable when it is gone, and works again when it is back', async () => {
    const store = new PgLinkStore(db);
    server.stopServer();
    try {
      await expect(store.find('new1')).rejects.toBeInstanceOf(DatabaseUnavailable);
    } finally {
      server.startServer();
    }
    expect((await store.find('new1'))?.url).toBe('/?new');
  });
});
