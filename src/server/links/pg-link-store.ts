import type { Database } from '../db/postgres.ts';
import type { LinkStore, StoredLink } from './link-store.ts';

/**
 * Short links in PostgreSQL (DATABASE_URL), so a link made on one replica opens on every
 * other. Table `short_links` (pg-migrations.ts), the same columns as the embedded store's.
 */
/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

export class LinkIdTaken extends Error {
  /** PostgreSQL's own code, so ShortLinks retries the clash as it does the embedded store's. */
  readonly code = UNIQUE_VIOLATION;

  constructor(id: string) {
    super(`the short link id ${id} is taken`);
  }
}

export class PgLinkStore implements LinkStore {
  readonly engine = 'postgresql';

  constructor(private readonly db: Database) {}

  async save(link: StoredLink): Promise<void> {
    try {
      await this.db.query('INSERT INTO short_links (id, url, created_at) VALUES ($1, $2, $3)', [
        link.id,
        link.url,
        link.createdAt,
      ]);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION) {
        throw new LinkIdTaken(link.id);
      }
      throw error;
    }
  }

  async find(id: string): Promise<StoredLink | null> {
    const result = await this.db.query<{ id: string; url: string; created_at: string }>(
      'SELECT id, url, created_at FROM short_links WHERE id = $1',
      [id],
    );
    const row = result.rows[0];
    return row ? { id: row.id, url: row.url, createdAt: Number(row.created_at) } : null;
  }

  async deleteCreatedBefore(epochMs: number): Promise<number> {
    const result = await this.db.query('DELETE FROM short_links WHERE created_at < $1', [epochMs]);
    return result.rowCount ?? 0;
  }

  /** The pool belongs to the server (the index and the budget share it). */
  async close(): Promise<void> {}
}
