import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryWindow } from '../../contract/query-window.ts';
import { makeRow } from '../testing/session-rows.ts';
import { SessionIndex, newest } from './session-index.ts';
import { asyncSqliteStore } from './sqlite-async.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

const DAY_US = 86_400_000_000;
const NOW = 1_800_000_000_000_000;
let dir: string;
let store: SqliteStore | null = null;
afterEach(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): Promise<SessionIndex> {
  dir = mkdtempSync(join(tmpdir(), 'session-index-'));
  const opened = openSqliteStore(join(dir, 'data'));
  if (!opened.ok) throw new Error(opened.reason);
  store = opened.store;
  return SessionIndex.open(asyncSqliteStore(opened.store));
}

describe('the session index', () => {
  it('deletes what is past retention, from the store and the columns, and keeps the rest', async () => {
    const index = await open();
    await index.writeRows(
      Array.from({ length: 10 }, (_, i) =>
        makeRow({ uuid: `s${i}`, createdUs: NOW - i * 100 * DAY_US }),
      ),
    );
    expect(await index.deleteCreatedBefore(NOW - 400 * DAY_US)).toBe(5);
    expect(index.sessions).toBe(5);
    expect(store?.count()).toBe(5);
    const window = queryWindow({ session_time__gte: '2000-01-01 00:00' }, NOW, 3650);
    expect((await index.list({ filters: {}, index: {}, window, limit: 20, offset: 0 })).total).toBe(
      5,
    );
  });

  it('pages newest first whatever order the matches come in', () => {
    const created = Float64Array.from({ length: 10_000 }, (_, r) => (r * 7919) % 10_000);
    const rows = Uint32Array.from({ length: 10_000 }, (_, r) => r);
    const expected = Array.from(rows).sort((a, b) => (created[b] ?? 0) - (created[a] ?? 0));
    expect(newest(created, rows, 0, 20)).toEqual(expected.slice(0, 20));
    expect(newest(created, rows, 500, 20)).toEqual(expected.slice(500, 520));
    expect(newest(created, rows.subarray(0, 100), 90, 20)).toEqual(
      Array.from(rows.subarray(0, 100))
        .sort((a, b) => (created[b] ?? 0) - (created[a] ?? 0))
        .slice(90, 100),
    );
  });
});
