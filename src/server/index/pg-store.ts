import type { Database } from '../db/postgres.ts';
import { LOCK } from '../db/postgres.ts';
import { rowFromDb, type SessionRow } from './session-row.ts';
import type { SessionStore, StoreChanges } from './store.ts';

/**
 * The shared store: the session index in PostgreSQL, for several replicas. Same columns as
 * the embedded store; every write also takes the next change number (`seq`), and deletions
 * leave a row in `session_deletions`, so the other replicas' columns follow. Writes take
 * an advisory lock for their transaction: change numbers then commit in order, and a
 * replica reading "changes after N" can never skip one that commits late.
 */
const FIELDS = [
  ['uuid', 'text'],
  ['created_us', 'bigint'],
  ['status', 'text'],
  ['channel', 'text'],
  ['country', 'text'],
  ['network', 'text'],
  ['verdict', 'text'],
  ['app', 'text'],
  ['alias', 'text'],
  ['subaccount', 'text'],
  ['brands', 'text'],
  ['hashes', 'text'],
  ['attempts', 'integer'],
  ['attempt_codes', 'text'],
  ['recipient', 'text'],
  ['recipient_rev', 'text'],
  ['charge_nanos', 'bigint'],
  ['ttv', 'double precision'],
  ['final', 'boolean'],
  ['json', 'text'],
] as const;

const NAMES = FIELDS.map(([name]) => name).join(', ');
const ROW_COLUMNS = FIELDS.filter(([name]) => name !== 'json')
  .map(([name]) => name)
  .join(', ');
/**
 * A batch goes as one JSON document, unpacked by PostgreSQL: sending 20 arrays costs the
 * driver seconds per 10,000 rows in escaping alone, and JSON parsing in PostgreSQL is fast.
 */
const RECORDSET = `json_to_recordset($1::json) AS v(${FIELDS.map(([n, t]) => `${n} ${t}`).join(', ')})`;
/** Rows read per round trip when loading or following. */
const PAGE_ROWS = 20_000;

/** Recipients are ASCII digits, so reversing by UTF-16 unit is exact. */
const reversed = (s: string | null) => (s === null ? null : s.split('').toReversed().join(''));

export class PgStore implements SessionStore {
  readonly engine = 'postgresql';

  constructor(private readonly db: Database) {}

  async upsert(rows: readonly SessionRow[]): Promise<number[]> {
    // A page may hold one session twice: the last copy wins, as in the embedded store.
    const byUuid = new Map(rows.map((r) => [r.uuid, r]));
    const unique = [...byUuid.values()];
    const rowids = await this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK.changes]);
      // Look up, update what exists by rowid, insert the rest: an INSERT … ON CONFLICT would
      // spend a rowid on every re-read session (the columns hold one slot per rowid), and an
      // UPDATE joined on uuid lets the planner scan the whole table for a big batch.
      const existing = await client.query<{ rowid: string; uuid: string }>(
        'SELECT rowid, uuid FROM sessions WHERE uuid = ANY($1::text[])',
        [unique.map((r) => r.uuid)],
      );
      const found = new Map(existing.rows.map((r) => [r.uuid, Number(r.rowid)]));
      const known = unique.filter((r) => found.has(r.uuid));
      if (known.length) {
        await client.query(
          `UPDATE sessions s SET (${NAMES}, seq) = (${FIELDS.map(([n]) => `v.${n}`).join(', ')}, nextval('session_changes'))
           FROM ${RECORDSET} WHERE s.uuid = v.uuid AND s.rowid = ANY($2::bigint[])`,
          [recordset(known), known.map((r) => found.get(r.uuid))],
        );
      }
      const fresh = unique.filter((r) => !found.has(r.uuid));
      if (fresh.length) {
        const inserted = await client.query<{ rowid: string; uuid: string }>(
          `INSERT INTO sessions (${NAMES}) SELECT ${NAMES} FROM ${RECORDSET} RETURNING rowid, uuid`,
          [recordset(fresh)],
        );
        for (const r of inserted.rows) found.set(r.uuid, Number(r.rowid));
      }
      return found;
    });
    return rows.map((r) => rowids.get(r.uuid) ?? 0);
  }

  async json(rowids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (!rowids.length) return out;
    const result = await this.db.query<{ rowid: string; json: string }>(
      'SELECT rowid, json FROM sessions WHERE rowid = ANY($1::bigint[])',
      [rowids],
    );
    for (const row of result.rows) out.set(Number(row.rowid), row.json);
    return out;
  }

  async recipientRows(digits: string, match: 'exact' | 'suffix'): Promise<number[]> {
    const rev = reversed(digits);
    const result =
      match === 'exact'
        ? await this.db.query<{ rowid: string }>(
            'SELECT rowid FROM sessions WHERE recipient_rev = $1',
            [rev],
          )
        : await this.db.query<{ rowid: string }>(
            'SELECT rowid FROM sessions WHERE recipient_rev >= $1 AND recipient_rev < $2',
            [rev, `${rev}:`],
          );
    return result.rows.map((r) => Number(r.rowid));
  }

  async forEachRow(visit: (rowid: number, row: SessionRow) => void): Promise<void> {
    let after = 0;
    for (;;) {
      const page = await this.db.query(
        `SELECT rowid, ${ROW_COLUMNS} FROM sessions WHERE rowid > $1 ORDER BY rowid LIMIT ${PAGE_ROWS}`,
        [after],
      );
      for (const raw of page.rows) visit(Number(raw.rowid), rowFromDb(raw));
      if (page.rows.length < PAGE_ROWS) return;
      after = Number(page.rows.at(-1)?.rowid);
    }
  }

  async changesSince(since: number): Promise<StoreChanges> {
    // One snapshot for both lists, so no change between them is missed.
    const [rows, deleted] = await this.db.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return [
        await client.query<Record<string, unknown>>(
          `SELECT rowid, seq, ${ROW_COLUMNS} FROM sessions WHERE seq > $1 ORDER BY seq LIMIT ${PAGE_ROWS}`,
          [since],
        ),
        await client.query<{ rowid: string; seq: string }>(
          `SELECT rowid, seq FROM session_deletions WHERE seq > $1 ORDER BY seq LIMIT ${PAGE_ROWS}`,
          [since],
        ),
      ] as const;
    });
    // Both lists are cut at the same change number, so nothing between is skipped.
    const lastRow = rows.rows.length === PAGE_ROWS ? Number(rows.rows.at(-1)?.seq) : Infinity;
    const lastDel = deleted.rows.length === PAGE_ROWS ? Number(deleted.rows.at(-1)?.seq) : Infinity;
    const cut = Math.min(lastRow, lastDel);
    const keptRows = rows.rows.filter((r) => Number(r.seq) <= cut);
    const keptDel = deleted.rows.filter((r) => Number(r.seq) <= cut);
    const seqs = [...keptRows.map((r) => Number(r.seq)), ...keptDel.map((r) => Number(r.seq))];
    return {
      rows: keptRows.map((raw) => ({ rowid: Number(raw.rowid), row: rowFromDb(raw) })),
      deleted: keptDel.map((r) => Number(r.rowid)),
      last: seqs.length ? Math.max(...seqs) : since,
    };
  }

  async lastChange(): Promise<number> {
    const result = await this.db.query<{ n: string | null }>(
      'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM session_changes',
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  async setSubaccountForApp(app: string, subaccount: string | null): Promise<number[]> {
    return this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK.changes]);
      const result = await client.query<{ rowid: string }>(
        "UPDATE sessions SET subaccount = $1, seq = nextval('session_changes') WHERE app = $2 RETURNING rowid",
        [subaccount, app],
      );
      return result.rows.map((r) => Number(r.rowid));
    });
  }

  async deleteRows(rowids: readonly number[]): Promise<void> {
    if (!rowids.length) return;
    await this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK.changes]);
      await client.query('DELETE FROM sessions WHERE rowid = ANY($1::bigint[])', [rowids]);
      await client.query(
        'INSERT INTO session_deletions (rowid) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING',
        [rowids],
      );
    });
  }

  async count(): Promise<number> {
    const result = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM sessions');
    return Number(result.rows[0]?.n ?? 0);
  }

  async readState(key: string): Promise<unknown> {
    const result = await this.db.query<{ value: string }>(
      'SELECT value FROM state WHERE key = $1',
      [key],
    );
    const row = result.rows[0];
    return row ? (JSON.parse(row.value) as unknown) : null;
  }

  async writeState(key: string, value: unknown): Promise<void> {
    await this.db.query(
      'INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, JSON.stringify(value)],
    );
  }

  async sizeBytes(): Promise<number> {
    const result = await this.db.query<{ n: string }>(
      "SELECT pg_total_relation_size('sessions') AS n",
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  /** The pool belongs to the server (the budget and the links share it). */
  async close(): Promise<void> {}
}

function recordset(rows: readonly SessionRow[]): string {
  return JSON.stringify(
    rows.map((r) => Object.fromEntries(FIELDS.map(([name]) => [name, field(r, name)]))),
  );
}

function field(r: SessionRow, name: (typeof FIELDS)[number][0]): unknown {
  switch (name) {
    case 'uuid':
      return r.uuid;
    case 'created_us':
      return r.createdUs;
    case 'attempt_codes':
      return r.attemptCodes;
    case 'recipient_rev':
      return reversed(r.recipient);
    case 'charge_nanos':
      return r.chargeNanos;
    case 'ttv':
      return r.ttvSeconds;
    default:
      return r[name];
  }
}
