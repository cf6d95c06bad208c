import type { SqliteStore } from './sqlite-store.ts';
import type { SessionStore } from './store.ts';

/**
 * The embedded store behind the asynchronous interface. SQLite answers synchronously in this
 * process; wrapping each call in a resolved promise keeps it that way (no worker, no copy).
 */
export function asyncSqliteStore(store: SqliteStore): SessionStore {
  return {
    engine: store.engine,
    upsert: async (rows) => store.upsert(rows),
    json: async (rowids) => store.json(rowids),
    recipientRows: async (digits, match) => store.recipientRows(digits, match),
    forEachRow: async (visit) => store.forEachRow(visit),
    setSubaccountForApp: async (app, subaccount) => store.setSubaccountForApp(app, subaccount),
    deleteRows: async (rowids) => store.deleteRows(rowids),
    count: async () => store.count(),
    readState: async (key) => store.readState(key),
    writeState: async (key, value) => store.writeState(key, value),
    sizeBytes: async () => store.sizeBytes(),
    close: async () => store.close(),
  };
}
