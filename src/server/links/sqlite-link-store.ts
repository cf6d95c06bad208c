import { chmodSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeFolder } from '../index/sqlite-store.ts';
import type { LinkStore, StoredLink } from './link-store.ts';

/**
 * The embedded link store: its own SQLite file, `links.db`, in DATA_DIR, so short links work
 * with INDEX=off too. Folder 0700 and file 0600 like the index: a stored view may carry a
 * recipient's number. Exclusive locking, as the index: a second server on the same DATA_DIR
 * is refused at start-up (and a damaged file can be moved aside without pulling it from
 * under another process).
 */
export const LINKS_FILE = 'links.db';

export type OpenLinkStore =
  { ok: true; store: SqliteLinkStore; notes: string[] } | { ok: false; reason: string };

const SCHEMA = `CREATE TABLE IF NOT EXISTS short_links (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS short_links_created_at ON short_links (created_at);`;

export function openSqliteLinkStore(dataDir: string, now = Date.now): OpenLinkStore {
  try {
    makeFolder(dataDir);
    chmodSync(dataDir, 0o700);
  } catch (error) {
    return { ok: false, reason: `DATA_DIR ${dataDir} cannot be used (${code(error)})` };
  }
  const file = join(dataDir, LINKS_FILE);
  const first = tryOpen(file);
  if (first.ok) return { ok: true, store: first.store, notes: [] };
  if (first.kind !== 'corrupt') return { ok: false, reason: first.reason };
  const aside = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `the links file is damaged and cannot be moved aside (${code(error)})`,
    };
  }
  const second = tryOpen(file);
  if (!second.ok) return { ok: false, reason: second.reason };
  const note = `the links file was damaged (${first.reason}); moved it to ${aside} and started an empty one: earlier short links are unknown now.`;
  return { ok: true, store: second.store, notes: [note] };
}

type TryOpen =
  { ok: true; store: SqliteLinkStore } | { ok: false; kind: 'corrupt' | 'other'; reason: string };

function tryOpen(file: string): TryOpen {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { timeout: 0 });
    chmodSync(file, 0o600);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // Taking the write lock now makes a second server fail here, not on its first link.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    db.exec(SCHEMA);
    return { ok: true, store: new SqliteLinkStore(db) };
  } catch (error) {
    db?.close();
    const c = code(error);
    if (c === 'SQLITE_BUSY' || c === 'SQLITE_LOCKED')
      return {
        ok: false,
        kind: 'other',
        reason: 'another dashboard server is using this DATA_DIR',
      };
    if (c === 'SQLITE_CORRUPT' || c === 'SQLITE_NOTADB')
      return { ok: false, kind: 'corrupt', reason: c };
    if (c === 'SQLITE_FULL') return { ok: false, kind: 'other', reason: 'the disk is full' };
    return { ok: false, kind: 'other', reason: `the links file cannot be opened (${c})` };
  }
}

function code(error: unknown): string {
  const c = (error as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : error instanceof Error ? error.message.slice(0, 80) : 'error';
}

export class SqliteLinkStore implements LinkStore {
  readonly engine = 'sqlite';
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly deleteOld: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO short_links (id, url, created_at) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT id, url, created_at FROM short_links WHERE id = ?');
    this.deleteOld = db.prepare('DELETE FROM short_links WHERE created_at < ?');
  }

  async save(link: StoredLink): Promise<void> {
    this.insert.run(link.id, link.url, link.createdAt);
  }

  async find(id: string): Promise<StoredLink | null> {
    const row = this.select.get(id) as { id: string; url: string; created_at: number } | undefined;
    return row ? { id: row.id, url: row.url, createdAt: row.created_at } : null;
  }

  async deleteCreatedBefore(epochMs: number): Promise<number> {
    return this.deleteOld.run(epochMs).changes;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
