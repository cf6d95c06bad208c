import type { IndexFilters } from '../../contract/index-filters.ts';
import type { Stats } from '../../contract/index-api.ts';
import type { ListFilters } from '../../contract/list-filters.ts';
import type { QueryWindow } from '../../contract/query-window.ts';
import { sessionSchema, type Session } from '../../contract/session.ts';
import { compileFilter, scan, type CompiledFilter } from './column-filter.ts';
import { computeStats, type FixedBucket } from './column-stats.ts';
import { Columns } from './columns.ts';
import { toSessionRow, type SessionRow } from './session-row.ts';
import type { SessionStore } from './store.ts';

export type IndexQuery = {
  filters: ListFilters;
  index: IndexFilters;
  window: QueryWindow;
  limit: number;
  offset: number;
};

/**
 * The index's read and write paths over one store: writes go to the store and the
 * in-memory columns together; queries scan the columns and read the page's JSON back.
 */
export class SessionIndex {
  private constructor(
    readonly store: SessionStore,
    private readonly cols: Columns,
  ) {}

  /** Loads every stored session's columns (about 1 s per million sessions). */
  static open(store: SessionStore): SessionIndex {
    const cols = new Columns();
    store.forEachRow((rowid, row) => cols.load(rowid, row));
    cols.rebuildOrder();
    return new SessionIndex(store, cols);
  }

  get sessions(): number {
    return this.cols.count;
  }

  /** Stores sessions by uuid (a second copy replaces the first); returns how many. */
  write(sessions: readonly { session: Session; subaccount: string | null }[]): number {
    const rows = sessions
      .map(({ session, subaccount }) => toSessionRow(session, subaccount))
      .filter((r): r is SessionRow => r !== null);
    return this.writeRows(rows);
  }

  writeRows(rows: readonly SessionRow[]): number {
    if (!rows.length) return 0;
    const rowids = this.store.upsert(rows);
    this.cols.upsert(rows.map((row, i) => ({ rowid: rowids[i] ?? 0, row })));
    return rows.length;
  }

  list(q: IndexQuery): { sessions: Session[]; total: number } {
    const f = this.compile(q);
    const page: number[] = [];
    let total = 0;
    scan(this.cols, f, (r) => {
      if (total >= q.offset && page.length < q.limit) page.push(r);
      total++;
    });
    const json = this.store.json(page);
    const sessions = page.map((r) => sessionSchema.parse(JSON.parse(json.get(r) ?? 'null')));
    return { sessions, total };
  }

  stats(q: Omit<IndexQuery, 'limit' | 'offset'>, bucket: FixedBucket, asOf: string | null): Stats {
    return computeStats(this.cols, this.compile(q), bucket, asOf);
  }

  /** In-progress sessions' creation times (µs), oldest first: what sync must re-read. */
  oldestUnsettled(sinceUs: number): number | null {
    const inProgress = this.cols.dicts.status.values.indexOf('in-progress');
    if (inProgress < 0) return null;
    let oldest: number | null = null;
    scan(this.cols, { ...emptyFilter(), fromUs: sinceUs, toUs: Number.MAX_SAFE_INTEGER }, (r) => {
      if (this.cols.status[r] === inProgress) oldest = this.cols.created[r] ?? null;
    });
    return oldest;
  }

  deleteCreatedBefore(us: number): number {
    const gone = this.store.deleteCreatedBefore(us);
    this.cols.remove(gone);
    return gone.length;
  }

  private compile(q: Omit<IndexQuery, 'limit' | 'offset'>): CompiledFilter {
    let candidates: number[] | null = null;
    if (q.filters.recipient) {
      candidates = this.store.recipientRows(q.filters.recipient.replace(/\D/g, ''), 'exact');
    }
    if (q.index.recipient_contains) {
      const suffix = this.store.recipientRows(q.index.recipient_contains, 'suffix');
      candidates = candidates ? candidates.filter((r) => suffix.includes(r)) : suffix;
    }
    return compileFilter(this.cols, q.filters, q.index, q.window, candidates);
  }
}

function emptyFilter(): CompiledFilter {
  return {
    fromUs: 0,
    toUs: 0,
    masks: [],
    verdict: null,
    attemptBits: 0,
    attemptsMin: 0,
    chargeMin: 0,
    candidates: null,
  };
}
