import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rowFromDb, type SessionRow } from './session-row.ts';
import { openSqliteFile } from './sqlite-file.ts';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from './sqlite-migrations.ts';

/**
 * The embedded store: one SQLite file, `index.db`, in DATA_DIR (folder 0700, file 0600: it
 * holds phone numbers). WAL for fast writes; exclusive locking, so a second server on the
 * same DATA_DIR cannot open it and the OS releases the lock even after `kill -9`.
 */
export const INDEX_FILE = 'index.db';

type OpenResult =
  | { ok: true; store: SqliteStore; notes: string[] }
  | { ok: false; reason: string; notes: string[] };

const COLUMNS =
  'uuid, created_us, status, channel, country, network, verdict, app, alias, subaccount, brands, hashes, attempts, attempt_codes, recipient, charge_nanos, ttv, final, json';

export function openSqliteStore(dataDir: string, now = Date.now): OpenResult {
  const opened = openSqliteFile({
    dataDir,
    file: INDEX_FILE,
    label: 'index',
    now,
    setUp: (db) => {
      db.pragma('synchronous = NORMAL');
      // Session uuids are random, so their index is written all over: keep more of it cached.
      db.pragma('cache_size = -65536');
      migrate(db);
    },
    damagedNote: (reason, aside) =>
      `The index file was damaged (${reason}); moved it to ${aside} and started a new index.`,
  });
  if (!opened.ok) return opened;
  return {
    ok: true,
    store: new SqliteStore(opened.db, join(dataDir, INDEX_FILE)),
    notes: opened.notes,
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SQLITE_SCHEMA_VERSION) {
    throw Object.assign(new Error('newer schema'), { code: 'SCHEMA_TOO_NEW' });
  }
  db.transaction(() => {
    for (let v = version; v < SQLITE_SCHEMA_VERSION; v++) db.exec(SQLITE_MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
  })();
}

/** Synchronous; the index reads it through `asyncSqliteStore` (sqlite-async.ts). */
export class SqliteStore {
  readonly engine = 'sqlite';
  private readonly upsertOne: Database.Statement;
  private readonly stateGet: Database.Statement;
  private readonly stateSet: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    const placeholders = COLUMNS.split(', ')
      .map(() => '?')
      .join(', ');
    const updates = COLUMNS.split(', ')
      .slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    this.upsertOne = db.prepare(
      `INSERT INTO sessions (${COLUMNS}) VALUES (${placeholders})
       ON CONFLICT (uuid) DO UPDATE SET ${updates} RETURNING rowid`,
    );
    this.stateGet = db.prepare('SELECT value FROM state WHERE key = ?');
    this.stateSet = db.prepare(
      'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  upsert(rows: readonly SessionRow[]): number[] {
    return this.db.transaction(() =>
      rows.map((r) => {
        const out = this.upsertOne.get(
          r.uuid,
          r.createdUs,
          r.status,
          r.channel,
          r.country,
          r.network,
          r.verdict,
          r.app,
          r.alias,
          r.subaccount,
          r.brands,
          r.hashes,
          r.attempts,
          r.attemptCodes,
          r.recipient,
          r.chargeNanos,
          r.ttvSeconds,
          r.final ? 1 : 0,
          r.json,
        ) as { rowid: number };
        return out.rowid;
      }),
    )();
  }

  json(rowids: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    for (let i = 0; i < rowids.length; i += 500) {
      const chunk = rowids.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT rowid, json FROM sessions WHERE rowid IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk) as { rowid: number; json: string }[];
      for (const row of rows) out.set(row.rowid, row.json);
    }
    return out;
  }

  /**
   * A scan, without an index: the index's queries look recipients up in memory (their SQLite
   * index cost two thirds of the ingest time at 10M sessions); this answers tools and tests.
   */
  recipientRows(digits: string, match: 'exact' | 'suffix'): number[] {
    if (!/^\d+$/.test(digits)) return [];
    const rows =
      match === 'exact'
        ? this.db.prepare('SELECT rowid FROM sessions WHERE recipient = ?').all(digits)
        : this.db.prepare("SELECT rowid FROM sessions WHERE recipient LIKE '%' || ?").all(digits);
    return (rows as { rowid: number }[]).map((r) => r.rowid);
  }

  forEachRow(visit: (rowid: number, row: SessionRow) => void): void {
    const rows = this.db.prepare(`SELECT rowid, ${COLUMNS.replace(', json', '')} FROM sessions`);
    for (const raw of rows.iterate() as Iterable<Record<string, unknown>>) {
      visit(raw.rowid as number, rowFromDb(raw));
    }
  }

  setSubaccountForApp(app: string, subaccount: string | null): number[] {
    const rows = this.db
      .prepare('UPDATE sessions SET subaccount = ? WHERE app = ? RETURNING rowid')
      .all(subaccount, app) as { rowid: number }[];
    return rows.map((r) => r.rowid);
  }

  deleteRows(rowids: readonly number[]): void {
    const remove = this.db.prepare('DELETE FROM sessions WHERE rowid = ?');
    this.db.transaction(() => {
      for (const rowid of rowids) remove.run(rowid);
    })();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  }

  readState(key: string): unknown {
    const row = this.stateGet.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : null;
  }

  writeState(key: string, value: unknown): void {
    this.stateSet.run(key, JSON.stringify(value));
  }

  sizeBytes(): number {
    let total = 0;
    for (const suffix of ['', '-wal']) {
      try {
        total += statSync(this.file + suffix).size;
      } catch {
        // No WAL file yet.
      }
    }
    return total;
  }

  /** Tests and the bench only: the raw handle (e.g. to build an older schema). */
  get handle(): Database.Database {
    return this.db;
  }

  close(): void {
    this.db.close();
  }
}
