import type { IndexFilters } from '../../contract/index-filters.ts';
import { deriveChanges, type Change } from '../../contract/changes.ts';
import type { Stats } from '../../contract/index-api.ts';
import type { ListFilters } from '../../contract/list-filters.ts';
import type { QueryWindow } from '../../contract/query-window.ts';
import type { Session } from '../../contract/session.ts';
import { tallyWindow, withSpans } from './column-changes.ts';
import { compileFilter, matchRows, type CompiledFilter } from './column-filter.ts';
import { computeStats, type FixedBucket } from './column-stats.ts';
import { Columns } from './columns.ts';
import { toSessionRow, type SessionRow } from './session-row.ts';
import type { SessionStore } from './store.ts';

/** Rows read in time order for a page before picking it from all matches instead. */
const NEAR_ROWS = 20_000;

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

  /** The last change of a shared store the columns hold (0 for the embedded store). */
  private seenChange = 0;

  /** Loads every stored session's columns (about 1 s per million sessions). */
  static async open(store: SessionStore): Promise<SessionIndex> {
    const cols = new Columns();
    // Changes made while the rows load are read again by the first `follow`: harmless.
    const before = store.lastChange ? await store.lastChange() : 0;
    await store.forEachRow((rowid, row) => cols.load(rowid, row));
    cols.rebuildOrder();
    const index = new SessionIndex(store, cols);
    index.seenChange = before;
    return index;
  }

  get sessions(): number {
    return this.cols.count;
  }

  /** Stores sessions by uuid (a second copy replaces the first); returns how many. */
  write(sessions: readonly { session: Session; subaccount: string | null }[]): Promise<number> {
    const rows = sessions
      .map(({ session, subaccount }) => toSessionRow(session, subaccount))
      .filter((r): r is SessionRow => r !== null);
    return this.writeRows(rows);
  }

  async writeRows(rows: readonly SessionRow[]): Promise<number> {
    if (!rows.length) return 0;
    const rowids = await this.store.upsert(rows);
    this.cols.upsert(rows.map((row, i) => ({ rowid: rowids[i] ?? 0, row })));
    return rows.length;
  }

  async list(q: IndexQuery): Promise<{ sessions: Session[]; total: number }> {
    const f = this.compile(q);
    // The page: usually among the newest few thousand rows of the window, read in time order;
    // when the filter is rare, picked from all matches. The total: all matches.
    const wanted = q.offset + q.limit;
    const near = f.candidates ? null : matchRows(this.cols, f, NEAR_ROWS);
    const nearPage =
      near && near.length >= wanted ? Array.from(near.subarray(q.offset, wanted)) : null;
    const rows = matchRows(this.cols, f);
    const total = rows.length;
    const page = nearPage ?? newest(this.cols.created, rows, q.offset, q.limit);
    const json = await this.store.json(page);
    // The index wrote this JSON from a session it had parsed: read back, not re-validated.
    const sessions = page.map((r) => JSON.parse(json.get(r) ?? 'null') as Session);
    return { sessions, total };
  }

  async stats(
    q: Omit<IndexQuery, 'limit' | 'offset'>,
    bucket: FixedBucket,
    asOf: string | null,
  ): Promise<Stats> {
    return computeStats(this.cols, this.compile(q), bucket, asOf);
  }

  /** Sessions created in [fromUs, toUs) (binary searches of the time order). */
  countCreatedIn(fromUs: number, toUs: number): number {
    return Math.max(0, this.cols.firstBefore(fromUs) - this.cols.firstBefore(toUs));
  }

  /** Creation time of the n-th session (1-based, oldest first) created at or after fromUs. */
  nthCreatedFrom(fromUs: number, n: number): number | null {
    const k = this.cols.firstBefore(fromUs) - n;
    return n >= 1 && k >= 0 ? (this.cols.created[this.cols.order[k] ?? 0] ?? null) : null;
  }

  /** "What changed" between the query's window and a baseline window (same filters). */
  changes(q: Omit<IndexQuery, 'limit' | 'offset'>, baseline: QueryWindow) {
    const window = this.compile(q);
    const before = this.compile({ ...q, window: baseline });
    const tallies = {
      window: tallyWindow(this.cols, window),
      baseline: tallyWindow(this.cols, before),
    };
    const { changes, tested } = deriveChanges(tallies.window, tallies.baseline);
    const named: Change[] = withSpans(this.cols, window, changes);
    return {
      totals: { window: tallies.window.total, baseline: tallies.baseline.total },
      tested,
      changes: named,
    };
  }

  async setSubaccountForApp(app: string, subaccount: string | null): Promise<number> {
    const rows = await this.store.setSubaccountForApp(app, subaccount);
    this.cols.setSubaccount(rows, subaccount);
    return rows.length;
  }

  async deleteCreatedBefore(us: number): Promise<number> {
    const gone: number[] = [];
    for (let r = 0; r < this.cols.capacity; r++) {
      if ((this.cols.created[r] ?? NaN) < us) gone.push(r);
    }
    await this.store.deleteRows(gone);
    this.cols.remove(gone);
    return gone.length;
  }

  /**
   * A shared store: applies what the syncing replica wrote or deleted since the last call,
   * so this replica's columns answer as its do. Returns how many changes were applied.
   */
  async follow(): Promise<number> {
    if (!this.store.changesSince) return 0;
    let applied = 0;
    for (;;) {
      const { rows, deleted, last } = await this.store.changesSince(this.seenChange);
      if (last === this.seenChange) return applied;
      this.cols.upsert(rows);
      this.cols.remove(deleted.filter((r) => this.cols.has(r)));
      this.seenChange = last;
      applied += rows.length + deleted.length;
    }
  }

  /** Bytes the in-memory columns hold (for the figures). */
  memoryBytes(): number {
    return this.cols.bytes();
  }

  private compile(q: Omit<IndexQuery, 'limit' | 'offset'>): CompiledFilter {
    // Recipients are looked up in memory (recipients.ts), not through the store: an index on
    // them in SQLite took two thirds of the ingest time at 10M sessions.
    let candidates: number[] | null = null;
    if (q.filters.recipient) {
      candidates = this.cols.recipientRows(q.filters.recipient.replace(/\D/g, ''), 'exact');
    }
    if (q.index.recipient_contains) {
      const suffix = new Set(this.cols.recipientRows(q.index.recipient_contains, 'suffix'));
      candidates = candidates ? candidates.filter((r) => suffix.has(r)) : [...suffix];
    }
    return compileFilter(this.cols, q.filters, q.index, q.window, candidates);
  }
}

/**
 * Rows offset…offset+limit of the matches in Plivo's order (newest first; ties: higher rowid
 * first). Matches may come in rowid order: the cut-off time of the last wanted row is found
 * by selection, O(n), and only the rows at or after it are sorted.
 */
export function newest(
  created: Float64Array,
  rows: Uint32Array,
  offset: number,
  limit: number,
): number[] {
  const wanted = Math.min(rows.length, offset + limit);
  if (wanted === 0) return [];
  const byTime = (a: number, b: number) => (created[b] ?? 0) - (created[a] ?? 0) || b - a;
  if (rows.length <= 4096) return Array.from(rows).sort(byTime).slice(offset, wanted);
  const times = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) times[i] = created[rows[i] ?? 0] ?? 0;
  const cutoff = kthLargest(times, wanted);
  const head: number[] = [];
  for (const r of rows) if ((created[r] ?? 0) >= cutoff) head.push(r);
  return head.sort(byTime).slice(offset, wanted);
}

/** The k-th largest value (1-based) by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let [lo, hi] = [0, values.length - 1];
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] ?? 0;
    let [i, j] = [lo, hi];
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] ?? 0;
}
