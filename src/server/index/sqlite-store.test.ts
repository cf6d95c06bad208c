import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from './sqlite-migrations.ts';
import { INDEX_FILE, openSqliteStore, type SqliteStore } from './sqlite-store.ts';
import { makeRow } from '../testing/session-rows.ts';

let dir: string;
const opened: SqliteStore[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(path = join(dir, 'data')) {
  const result = openSqliteStore(path);
  if (result.ok) opened.push(result.store);
  return result;
}

describe('the embedded store', () => {
  it('stores a session once by its uuid, replacing it on a second write', () => {
    const result = open();
    if (!result.ok) throw new Error(result.reason);
    const [a] = result.store.upsert([makeRow({ uuid: 'a', status: 'in-progress' })]);
    const [again] = result.store.upsert([makeRow({ uuid: 'a', status: 'verified' })]);
    expect(again).toBe(a);
    expect(result.store.count()).toBe(1);
    const rows: string[] = [];
    result.store.forEachRow((_, row) => rows.push(`${row.uuid}:${row.status ?? ''}`));
    expect(rows).toEqual(['a:verified']);
  });

  it('finds recipients exactly and by their last digits', () => {
    const result = open();
    if (!result.ok) throw new Error(result.reason);
    const [x, y] = result.store.upsert([
      makeRow({ uuid: 'x', recipient: '918681951370' }),
      makeRow({ uuid: 'y', recipient: '14155550100' }),
    ]);
    expect(result.store.recipientRows('918681951370', 'exact')).toEqual([x]);
    expect(result.store.recipientRows('1370', 'suffix')).toEqual([x]);
    expect(result.store.recipientRows('0100', 'suffix')).toEqual([y]);
    expect(result.store.recipientRows('8681', 'suffix')).toEqual([]);
  });

  it('keeps sync state across a reopen', () => {
    const first = open();
    if (!first.ok) throw new Error(first.reason);
    first.store.writeState('sync', { coveredFromUs: 5 });
    first.store.close();
    opened.length = 0;
    const second = open();
    if (!second.ok) throw new Error(second.reason);
    expect(second.store.readState('sync')).toEqual({ coveredFromUs: 5 });
  });

  it('refuses a second server on the same DATA_DIR, saying why', () => {
    expect(open().ok).toBe(true);
    expect(open()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/another dashboard server/),
    });
  });

  it('moves a damaged file aside and starts a new index', () => {
    const data = join(dir, 'data');
    open(data);
    opened.splice(0).forEach((s) => s.close());
    writeFileSync(join(data, INDEX_FILE), 'this is not a database, just garbage '.repeat(200));
    const result = open(data);
    expect(result.ok).toBe(true);
    expect(result.notes.join(' ')).toMatch(/damaged.*moved it to/);
    expect(readdirSync(data).some((f) => f.startsWith(`${INDEX_FILE}.corrupt-`))).toBe(true);
  });

  it('says so when DATA_DIR cannot be written (even by root: /proc takes no folders)', () => {
    expect(open('/proc/otp-dashboard-index')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/DATA_DIR \/proc\/otp-dashboard-index cannot be used/),
    });
  });

  it('says so when DATA_DIR is a file, not a folder', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(open(file)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/DATA_DIR .* cannot be used/),
    });
  });

  it('migrates a file from the previous schema, keeping its sessions', () => {
    const data = join(dir, 'old');
    const result = open(data);
    if (!result.ok) throw new Error(result.reason);
    result.store.close();
    opened.length = 0;
    // Rebuild the file as version 1 wrote it, with one session in it.
    rmSync(join(data, INDEX_FILE));
    for (const f of ['-wal', '-shm'])
      if (existsSync(join(data, INDEX_FILE + f))) rmSync(join(data, INDEX_FILE + f));
    const old = new Database(join(data, INDEX_FILE));
    old.exec(SQLITE_MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    old
      .prepare(
        `INSERT INTO sessions (uuid, created_us, verdict, attempts, attempt_codes, recipient, charge_nanos, final, json)
         VALUES ('old-1', 1, 'unknown', 0, '', '918681951370', 0, 1, '{}')`,
      )
      .run();
    old.close();
    const migrated = open(data);
    if (!migrated.ok) throw new Error(migrated.reason);
    expect(migrated.store.handle.pragma('user_version', { simple: true })).toBe(
      SQLITE_SCHEMA_VERSION,
    );
    expect(migrated.store.count()).toBe(1);
    expect(migrated.store.recipientRows('1370', 'suffix')).toHaveLength(1);
  });
});
