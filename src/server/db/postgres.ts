import pg from 'pg';
import { PG_MIGRATIONS } from './pg-migrations.ts';

/**
 * The shared PostgreSQL (DATABASE_URL): one pool per replica. Messages name the server by
 * host, port and database only — never the URL, which may hold the password.
 */
export type Database = {
  pool: pg.Pool;
  /** "host:port/database", for messages. */
  where: string;
  /** A query; a lost connection becomes a `DatabaseUnavailable`. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** PostgreSQL cannot be reached (or went away): requests that need it answer 503. */
export class DatabaseUnavailable extends Error {
  readonly retryAfterSeconds = 5;

  constructor(
    where: string,
    /** The network or server code: ECONNREFUSED, 57P01… */
    readonly reason: string,
  ) {
    super(`PostgreSQL at ${where} is unreachable (${reason})`);
  }
}

/** Advisory lock keys (one 64-bit space per database); `budget` is taken in SQL (pg-migrations.ts). */
export const LOCK = { migrations: 160_001, changes: 160_002, sync: 160_003, budget: 160_004 };

const CONNECT_TIMEOUT_MS = 3_000;

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured server';
  }
}

/** Connects, runs the migrations under a lock, and returns the pool; throws one sentence. */
export async function openDatabase(url: string, log: (line: string) => void): Promise<Database> {
  const where = describeUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: 10,
    // A hung server must not hang requests: they get their 503 instead.
    query_timeout: 15_000,
  });
  // An idle connection dropped by the server is an event, not a crash; the next query
  // reconnects or reports the database as unavailable.
  pool.on('error', () => {});
  const db: Database = {
    pool,
    where,
    async query(text, values) {
      try {
        return await pool.query(text, values);
      } catch (error) {
        throw asUnavailable(error, where);
      }
    },
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw asUnavailable(error, where);
      }
      // A connection lost between two statements is reported as an event on the client,
      // which the pool only listens to while the client is idle: the statement fails anyway.
      const ignore = () => {};
      client.on('error', ignore);
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw asUnavailable(error, where);
      } finally {
        client.off('error', ignore);
        client.release();
      }
    },
    close: () => pool.end(),
  };
  try {
    await migrate(db, log);
  } catch (error) {
    await pool.end().catch(() => {});
    // No `cause`: a driver's error can quote the connection string, password included.
    // oxlint-disable-next-line preserve-caught-error
    throw new Error(
      error instanceof DatabaseUnavailable
        ? `PostgreSQL at ${where} (DATABASE_URL) cannot be reached (${error.reason})`
        : `PostgreSQL at ${where} (DATABASE_URL) cannot be used: ${errorCode(error)}`,
    );
  }
  return db;
}

/**
 * Applies the missing steps, each in its own transaction, while holding an advisory lock:
 * replicas starting together wait for the first one, then find nothing left to do.
 */
async function migrate(db: Database, log: (line: string) => void): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await db.pool.connect();
  } catch (error) {
    throw asUnavailable(error, db.where);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK.migrations]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const version = done.rows[0]?.v ?? 0;
    if (version > PG_MIGRATIONS.length) {
      throw new Error(
        `its schema is version ${version}, newer than this dashboard (${PG_MIGRATIONS.length}); run the newer release`,
      );
    }
    for (let v = version; v < PG_MIGRATIONS.length; v++) {
      await client.query('BEGIN');
      await client.query(PG_MIGRATIONS[v] ?? '');
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
      await client.query('COMMIT');
      log(`PostgreSQL: applied migration ${v + 1}.`);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw asUnavailable(error, db.where);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK.migrations]).catch(() => {});
    client.release();
  }
}

/** Connection failures (refused, reset, server shutting down) as `DatabaseUnavailable`. */
function asUnavailable(error: unknown, where: string): unknown {
  if (error instanceof DatabaseUnavailable) return error;
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : errorCode(error);
  const lost =
    /^(E[A-Z]+|08...|57P0[1-3])$/.test(code) ||
    /Connection terminated|timeout|Client has encountered a connection error/i.test(code);
  return lost ? new DatabaseUnavailable(where, code.slice(0, 60)) : error;
}

/**
 * An error's code (ECONNREFUSED…), with the server's own words for SQL states ("password
 * authentication failed for user …", never the password), or its first words: never a URL.
 */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && error instanceof Error) {
    return `${error.message.slice(0, 160)} (${code})`;
  }
  if (typeof code === 'string') return code;
  if (error instanceof Error) return error.message.replace(/\S+:\/\/\S+/g, '<url>').slice(0, 120);
  return 'error';
}
