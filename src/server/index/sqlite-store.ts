import { chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { SessionRow } from './session-row.ts';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from './sqlite-migrations.ts';

/**
 * The embedded store: one SQLite file, `index.db`, in DATA_DIR (folder 0700, file 0600: it
 * holds phone numbers). WAL for fast writes; exclusive locking, so a second server on the
 * same DATA_DIR cannot open it and the OS releases the lock even after `kill -9`.
 */
export const INDEX_FILE = 'index.db';

export type OpenResult =
  | { ok: true; store: SqliteStore; notes: string[] }
  | { ok: false; reason: string; notes: string[] };

const COLUMNS =
  'uuid, created_us, status, channel, country, network, verdict, app, alias, subaccount, brands, hashes, attempts, attempt_codes, recipient, charge_nanos, ttv, final, json';

export function openSqliteStore(dataDir: string, now = Date.now): OpenResult {
  const notes: string[] = [];
  try {
    makeFolder(dataDir);
    chmodSync(dataDir, 0o700);
  } catch (error) {
    return { ok: false, reason: `DATA_DIR ${dataDir} cannot be used (${code(error)})`, notes };
  }
  const file = join(dataDir, INDEX_FILE);
  const first = tryOpen(file);
  if (first.ok) return { ok: true, store: first.store, notes };
  if (first.kind !== 'corrupt') return { ok: false, reason: first.reason, notes };
  const aside = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `the index file is damaged and cannot be moved aside (${code(error)})`,
      notes,
    };
  }
  notes.push(
    `The index file was damaged (${first.reason}); moved it to ${aside} and started a new index.`,
  );
  const second = tryOpen(file);
  return second.ok
    ? { ok: true, store: second.store, notes }
    : { ok: false, reason: second.reason, notes };
}

/**
 * mkdir -p, without Node's recursive mode for the last step: on a folder that refuses new
 * entries (/proc, some mounts) that mode retries for ever instead of failing.
 */
export function makeFolder(path: string): void {
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (error) {
    const c = code(error);
    if (c === 'EEXIST') {
      if (statSync(path).isDirectory()) return;
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    }
    if (c !== 'ENOENT') throw error;
    const parent = dirname(path);
    if (parent === path || existsSync(parent)) throw error;
    makeFolder(parent);
    mkdirSync(path, { mode: 0o700 });
  }
}

type TryOpen =
  { ok: true; store: SqliteStore } | { ok: false; kind: 'corrupt' | 'other'; reason: string };

function tryOpen(file: string): TryOpen {
  let db: Database.Database | null = null;
  try {
    // No busy wait: a file locked by another server is an answer, not a delay.
    db = new Database(file, { timeout: 0 });
    chmodSync(file, 0o600);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Session uuids are random, so their index is written all over: keep more of it cached.
    db.pragma('cache_size = -65536');
    // Taking the write lock now makes a second server fail here, not on its first write.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    migrate(db);
    return { ok: true, store: new SqliteStore(db, file) };
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
    return { ok: false, kind: 'other', reason: `the index file cannot be opened (${c})` };
  }
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

function code(error: unknown): string {
  const c = (error as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : error instanceof Error ? error.message.slice(0, 80) : 'error';
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

function rowFromDb(raw: Record<string, unknown>): SessionRow {
  const text = (k: string) => (typeof raw[k] === 'string' ? raw[k] : null);
  return {
    uuid: text('uuid') ?? '',
    createdUs: Number(raw.created_us),
    status: text('status'),
    channel: text('channel'),
    country: text('country'),
    network: text('network'),
    verdict: (text('verdict') ?? 'unknown') as SessionRow['verdict'],
    app: text('app'),
    alias: text('alias'),
    subaccount: text('subaccount'),
    brands: text('brands'),
    hashes: text('hashes'),
    attempts: Number(raw.attempts),
    attemptCodes: text('attempt_codes') ?? '',
    recipient: text('recipient'),
    chargeNanos: Number(raw.charge_nanos),
    ttvSeconds: raw.ttv === null ? null : Number(raw.ttv),
    final: raw.final === 1,
    json: '',
  };
}
