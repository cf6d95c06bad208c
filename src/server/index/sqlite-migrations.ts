/**
 * The embedded store's schema, as numbered steps. `PRAGMA user_version` records the last
 * step applied; opening a file from an older version applies the rest in one transaction.
 * Never edit a step that has shipped: add the next one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: sessions with their filter columns, and key/value sync state.
  `CREATE TABLE sessions (
     rowid INTEGER PRIMARY KEY,
     uuid TEXT NOT NULL UNIQUE,
     created_us INTEGER NOT NULL,
     status TEXT, channel TEXT, country TEXT, network TEXT, verdict TEXT NOT NULL,
     app TEXT, alias TEXT, subaccount TEXT, brands TEXT, hashes TEXT,
     attempts INTEGER NOT NULL, attempt_codes TEXT NOT NULL,
     recipient TEXT, charge_nanos INTEGER NOT NULL, ttv REAL, final INTEGER NOT NULL,
     json TEXT NOT NULL
   );
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 2: the recipient's digits reversed, so "ends with 1370" is an index range, not a scan.
  `ALTER TABLE sessions ADD COLUMN recipient_rev TEXT;
   UPDATE sessions SET recipient_rev = (
     WITH RECURSIVE r(i, out) AS (
       SELECT length(recipient), '' UNION ALL
       SELECT i - 1, out || substr(recipient, i, 1) FROM r WHERE i > 0
     ) SELECT out FROM r WHERE i = 0
   ) WHERE recipient IS NOT NULL;
   CREATE INDEX sessions_recipient_rev ON sessions (recipient_rev);`,
  // 3: recipients are looked up in memory (recipients.ts): the index goes, as its random
  // inserts took two thirds of the ingest time at 10M sessions. The column stays (dropping it
  // would rewrite the table) and is no longer written.
  `DROP INDEX IF EXISTS sessions_recipient_rev;`,
];

export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;
