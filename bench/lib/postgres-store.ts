import { openDatabase } from '../../src/server/db/postgres.ts';
import { PgStore } from '../../src/server/index/pg-store.ts';
import { startThrowawayPostgres } from '../../src/server/testing/throwaway-postgres.ts';
import type { BenchStore } from '../measure/index-scale.ts';

/**
 * The index's store in PostgreSQL for the bench: a throwaway server (as in the tests: a temp
 * folder, a free port, fsync off), removed afterwards.
 */
export async function postgresBenchStore(): Promise<BenchStore> {
  const server = await startThrowawayPostgres();
  try {
    const db = await openDatabase(await server.createDatabase('bench'), () => {});
    return {
      store: new PgStore(db),
      settle: async () => {
        await db.query('VACUUM ANALYZE sessions');
      },
      dispose: async () => {
        await db.close();
        server.stop();
      },
    };
  } catch (error) {
    server.stop();
    throw error;
  }
}
