import { chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How the dashboard opens each of its SQLite files in DATA_DIR (the index, the short links):
 * folder 0700 and file 0600 (they hold phone numbers); WAL with exclusive locking, so a second
 * server on the same DATA_DIR is refused at start-up and the OS releases the lock even after
 * `kill -9`; a damaged file moved aside and a new one started, said in a note.
 */
type SqliteFileOpen =
  | { ok: true; db: Database.Database; notes: string[] }
  | { ok: false; reason: string; notes: string[] };

type SqliteFileSpec = {
  dataDir: string;
  file: string;
  /** "index", "links": how messages name the file. */
  label: string;
  /** Pragmas and schema on the opened, locked and checked file; throws to refuse it. */
  setUp: (db: Database.Database) => void;
  /** The note when a damaged file was moved aside to `aside`. */
  damagedNote: (reason: string, aside: string) => string;
  now?: () => number;
};

export function openSqliteFile(spec: SqliteFileSpec): SqliteFileOpen {
  const notes: string[] = [];
  try {
    makeFolder(spec.dataDir);
    chmodSync(spec.dataDir, 0o700);
  } catch (error) {
    return { ok: false, reason: `DATA_DIR ${spec.dataDir} cannot be used (${code(error)})`, notes };
  }
  const file = join(spec.dataDir, spec.file);
  const first = tryOpen(file, spec);
  if (first.ok) return { ok: true, db: first.db, notes };
  if (first.kind !== 'corrupt') return { ok: false, reason: first.reason, notes };
  const now = spec.now ?? Date.now;
  const aside = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `the ${spec.label} file is damaged and cannot be moved aside (${code(error)})`,
      notes,
    };
  }
  notes.push(spec.damagedNote(first.reason, aside));
  const second = tryOpen(file, spec);
  return second.ok
    ? { ok: true, db: second.db, notes }
    : { ok: false, reason: second.reason, notes };
}

type TryOpen =
  { ok: true; db: Database.Database } | { ok: false; kind: 'corrupt' | 'other'; reason: string };

function tryOpen(file: string, spec: SqliteFileSpec): TryOpen {
  let db: Database.Database | null = null;
  try {
    // No busy wait: a file locked by another server is an answer, not a delay.
    db = new Database(file, { timeout: 0 });
    chmodSync(file, 0o600);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // Taking the write lock now makes a second server fail here, not on its first write.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    spec.setUp(db);
    return { ok: true, db };
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
    return { ok: false, kind: 'other', reason: `the ${spec.label} file cannot be opened (${c})` };
  }
}

/**
 * mkdir -p, without Node's recursive mode for the last step: on a folder that refuses new
 * entries (/proc, some mounts) that mode retries for ever instead of failing.
 */
function makeFolder(path: string): void {
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

function code(error: unknown): string {
  const c = (error as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : error instanceof Error ? error.message.slice(0, 80) : 'error';
}
