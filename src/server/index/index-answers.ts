import { baselineWindow, type Changes } from '../../contract/changes.ts';
import { type BaselineKind } from '../../contract/baselines.ts';
import type { IndexStatus, Stats, StatsBucket } from '../../contract/index-api.ts';
import type { SessionsPage } from '../../contract/api.ts';
import { queryWindow, usToIso, type QueryWindow } from '../../contract/query-window.ts';
import { indexOnlyFilterNames, type SessionQuery } from '../../contract/session-query.ts';
import { chooseBucket } from './column-stats.ts';
import type { SessionIndex } from './session-index.ts';
import type { SyncLoop } from './sync-loop.ts';

/**
 * Decides who answers a query — the index or Plivo — and answers from the index. The index
 * answers only what it can answer exactly: a window inside its coverage, and for windows
 * reaching now, a sync pass no older than a minute. Otherwise Plivo answers as before, and
 * what Plivo cannot do (index-only filters, aggregates) is refused with `not_indexed`.
 */
const FRESH_US = 60_000_000;

type ListDecision =
  | { by: 'index'; page: SessionsPage }
  | { by: 'plivo' }
  | { by: 'refused'; message: string; param?: string };

type StatsDecision = { by: 'index'; stats: Stats } | { by: 'refused'; message: string };

type ChangesDecision = { by: 'index'; changes: Changes } | { by: 'refused'; message: string };

type IndexAnswersOptions = {
  index: SessionIndex | null;
  loop: SyncLoop | null;
  /** Why the index is off (INDEX=off, or it could not open); null when it is on. */
  offReason: string | null;
  now: () => number;
  retentionDays: number;
};

export class IndexAnswers {
  constructor(private readonly options: IndexAnswersOptions) {}

  status(): IndexStatus {
    if (this.options.loop) return this.options.loop.status();
    return {
      state: this.options.offReason === 'INDEX=off' ? 'off' : 'error',
      coveredFrom: null,
      coveredTo: null,
      asOf: null,
      sessions: 0,
      syncCallsLastMinute: 0,
      lastError: this.options.offReason === 'INDEX=off' ? null : this.options.offReason,
      horizonDays: 90,
      coveredDays: 0,
    };
  }

  async list(query: SessionQuery): Promise<ListDecision> {
    const indexOnly = indexOnlyFilterNames(query.index);
    const { index } = this.options;
    const window = this.window(query);
    const gap = index ? this.gap(window) : 'the session index is off';
    if (query.source === 'plivo' || (query.source === 'auto' && gap !== null)) {
      if (!indexOnly.length) return { by: 'plivo' };
      const why =
        query.source === 'plivo' ? 'Plivo cannot apply it (source=plivo was asked for)' : gap;
      return {
        by: 'refused',
        param: indexOnly[0],
        message: `The filter ${indexOnly.join(', ')} needs the session index: ${why}.`,
      };
    }
    if (gap !== null || !index) {
      return { by: 'refused', message: `source=index was asked for, but ${gap}.` };
    }
    const offset = query.filters.offset ?? 0;
    const { sessions, total } = await index.list({ ...query, window, offset, limit: query.limit });
    const end = offset + sessions.length;
    return {
      by: 'index',
      page: {
        sessions,
        page: { limit: query.limit, offset, nextOffset: end < total ? end : null },
        problems: [],
        fetchedAt: this.asOf() ?? new Date(this.options.now()).toISOString(),
        meta: { source: 'index', total },
      },
    };
  }

  async stats(query: SessionQuery, bucket: StatsBucket): Promise<StatsDecision> {
    const { index } = this.options;
    const window = this.window(query);
    const gap = index ? this.gap(window) : 'the session index is off';
    if (gap !== null || !index) {
      return { by: 'refused', message: `Exact figures need the session index, but ${gap}.` };
    }
    const windowMs = (window.toUs - window.fromUs) / 1000;
    return {
      by: 'index',
      stats: await index.stats({ ...query, window }, chooseBucket(bucket, windowMs), this.asOf()),
    };
  }

  async changes(query: SessionQuery, kind: BaselineKind): Promise<ChangesDecision> {
    const { index } = this.options;
    const window = this.window(query);
    const baseline = { ...baselineWindow(window, kind), defaultedTo24h: false };
    if (!index)
      return {
        by: 'refused',
        message: 'Comparing windows needs the session index, but it is off.',
      };
    const gap = this.gap(window);
    if (gap !== null)
      return { by: 'refused', message: `Comparing windows needs the session index, but ${gap}.` };
    // A long `previous` baseline reaching before the index's coverage is cut to it, as long
    // as it stays at least as long as the window.
    const coveredFrom = this.options.loop?.coverage()?.fromUs ?? Infinity;
    if (kind === 'previous' && baseline.fromUs < coveredFrom) {
      baseline.fromUs = Math.min(coveredFrom, window.fromUs - (window.toUs - window.fromUs + 1));
    }
    const before = this.gap(baseline);
    if (before !== null) {
      return {
        by: 'refused',
        message: `Comparing windows needs the session index for the baseline ${usToIso(baseline.fromUs)} to ${usToIso(baseline.toUs)} too, but ${before}.`,
      };
    }
    const found = index.changes({ ...query, window }, baseline);
    return {
      by: 'index',
      changes: {
        meta: {
          source: 'index',
          asOf: this.asOf(),
          window: { from: usToIso(window.fromUs), to: usToIso(window.toUs + 1) },
          baseline: { from: usToIso(baseline.fromUs), to: usToIso(baseline.toUs + 1), kind },
        },
        ...found,
      },
    };
  }

  private window(query: SessionQuery): QueryWindow {
    return queryWindow(query.filters, this.options.now() * 1000, this.options.retentionDays);
  }

  /** Null when the index covers the window; otherwise what is missing, in words. */
  private gap(window: QueryWindow): string | null {
    const coverage = this.options.loop?.coverage();
    if (!coverage) return 'the session index has not covered any window yet';
    const nowUs = this.options.now() * 1000;
    const covered = `it covers ${usToIso(coverage.fromUs)} to ${usToIso(coverage.toUs)}`;
    if (window.fromUs < coverage.fromUs)
      return `the window starts before the index does (${covered})`;
    if (window.toUs >= coverage.toUs && nowUs - coverage.asOfUs > FRESH_US) {
      return `the index's newest data is more than a minute old (${covered})`;
    }
    return null;
  }

  private asOf(): string | null {
    const coverage = this.options.loop?.coverage();
    return coverage ? usToIso(coverage.asOfUs) : null;
  }
}
