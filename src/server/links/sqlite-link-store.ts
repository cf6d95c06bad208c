import type Database from 'better-sqlite3';
import { openSqliteFile } from '../index/sqlite-file.ts';
import type { LinkStore, StoredLink } from './link-store.ts';

/**
 * The embedded link store: its own SQLite file, `links.db`, in DATA_DIR, so short links work
 * with INDEX=off too. Folder 0700 and file 0600 like the index: a stored view may carry a
 * recipient's number. Exclusive locking, as the index: a second server on the same DATA_DIR
 * is refused at start-up (and a damaged file can be moved aside without pulling it from
 * under another process).
 */
export const LINKS_FILE = 'links.db';

type OpenLinkStore =
  { ok: true; store: SqliteLinkStore; notes: string[] } | { ok: false; reason: string };

const SCHEMA = `CREATE TABLE IF NOT EXISTS short_links (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS short_links_created_at ON short_links (created_at);`;

export function openSqliteLinkStore(dataDir: string, now = Date.now): OpenLinkStore {
  const opened = openSqliteFile({
    dataDir,
    file: LINKS_FILE,
    label: 'links',
    now,
    setUp: (db) => db.exec(SCHEMA),
    damagedNote: (reason, aside) =>
      `the links file was damaged (${reason}); moved it to ${aside} and started an empty one: earlier short links are unknown now.`,
  });
  return opened.ok
    ? { ok: true, store: new SqliteLinkStore(opened.db), notes: opened.notes }
    : { ok: false, reason: opened.reason };
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
