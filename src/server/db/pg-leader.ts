import pg from 'pg';
import type { Leadership } from '../index/sync-loop.ts';
import { LOCK } from './postgres.ts';

/**
 * Which replica syncs: the one holding a session-level advisory lock on its own connection.
 * PostgreSQL releases it when that connection ends — a stopped, crashed or `kill -9`ed
 * replica included — and the others, asking every couple of seconds, take it over. TCP
 * keepalives on the server side end a connection whose replica vanished (power loss, a
 * partition) within about 25 s, inside the 30 s takeover promise.
 */
export function pgLeadership(url: string): Leadership {
  let client: pg.Client | null = null;
  let held = false;
  const drop = () => {
    const old = client;
    client = null;
    held = false;
    old?.end().catch(() => {});
  };
  return {
    async holds() {
      try {
        if (!client) {
          const fresh = new pg.Client({
            connectionString: url,
            connectionTimeoutMillis: 3_000,
            options:
              '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3',
          });
          fresh.on('error', () => {
            if (client === fresh) drop();
          });
          client = fresh;
          await fresh.connect();
        }
        if (held) {
          // Still connected, so still holding it.
          await client.query('SELECT 1');
          return true;
        }
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
          LOCK.sync,
        ]);
        held = got.rows[0]?.ok === true;
        return held;
      } catch {
        drop();
        return false;
      }
    },
    async release() {
      const old = client;
      client = null;
      held = false;
      // Ending the connection releases the lock.
      await old?.end().catch(() => {});
    },
  };
}
