import type { LinkStore } from './link-store.ts';
import { isLinkId, newLinkId } from './link-id.ts';
import { checkLinkTarget } from './link-target.ts';

const DAY_MS = 86_400_000;
const SWEEP_EVERY_MS = 60 * 60_000;

type Resolved =
  | { kind: 'found'; url: string }
  | { kind: 'expired' }
  | { kind: 'unknown' }
  | { kind: 'malformed' };

/**
 * Short links over any LinkStore: new ids, look-ups, and the expiry an admin may set
 * (SHORT_LINK_TTL_DAYS; unset, links never expire — incident reviews come back months later).
 * A link past its age is "expired" from the moment it is, not only after the hourly sweep.
 */
export class ShortLinks {
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: LinkStore,
    private readonly ttlDays: number | null,
    private readonly now: () => number = Date.now,
  ) {}

  get engine(): string {
    return this.store.engine;
  }

  get expiryDays(): number | null {
    return this.ttlDays;
  }

  /** Stores the (already checked) view and returns its id; retries the rare id clash. */
  async create(url: string): Promise<string> {
    for (let attempt = 0; ; attempt += 1) {
      const id = newLinkId();
      try {
        await this.store.save({ id, url, createdAt: this.now() });
        return id;
      } catch (error) {
        if (attempt >= 2 || !isUniqueClash(error)) throw error;
      }
    }
  }

  async resolve(id: string): Promise<Resolved> {
    if (!isLinkId(id)) return { kind: 'malformed' };
    const link = await this.store.find(id);
    if (!link) return { kind: 'unknown' };
    if (this.ttlDays !== null && link.createdAt < this.now() - this.ttlDays * DAY_MS) {
      return { kind: 'expired' };
    }
    // Checked again on the way out: a row changed in the store must not become a redirect
    // to another site.
    const target = checkLinkTarget(link.url);
    return target.ok ? { kind: 'found', url: target.url } : { kind: 'unknown' };
  }

  /** Deletes expired links now and every hour; nothing to do when links never expire. */
  startSweeps(log: (line: string) => void): void {
    if (this.ttlDays === null || this.sweeper) return;
    const sweep = () => {
      this.sweep().catch((error: unknown) =>
        log(`Short links: deleting expired links failed (${describe(error)}).`),
      );
    };
    sweep();
    this.sweeper = setInterval(sweep, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async sweep(): Promise<number> {
    if (this.ttlDays === null) return 0;
    return this.store.deleteCreatedBefore(this.now() - this.ttlDays * DAY_MS);
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.store.close();
  }
}

/** SQLite's and PostgreSQL's words for a duplicate primary key. */
function isUniqueClash(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
}
