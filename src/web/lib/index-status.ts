import { queryOptions, useQuery } from '@tanstack/react-query';
import { indexStatusSchema, type IndexStatus } from '../../contract/index-api.ts';
import { apiGet } from './api-client.ts';

/** How often the coverage line asks again: cheap (no Plivo call) and "as of" moves. */
const INDEX_STATUS_REFETCH_MS = 15_000;

export const indexQueries = {
  status: () =>
    queryOptions({
      queryKey: ['index', 'status'] as const,
      queryFn: ({ signal }) => apiGet('/api/index', indexStatusSchema, { signal }),
      refetchInterval: INDEX_STATUS_REFETCH_MS,
      staleTime: INDEX_STATUS_REFETCH_MS,
      // A server without the index (or a failed call) simply shows no coverage line.
      retry: false,
    }),
};

export function useIndexStatus(): IndexStatus | undefined {
  return useQuery(indexQueries.status()).data;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "12 s ago", "4 min ago", "3 h ago", "2 days ago"; "just now" within a second. */
export function agoWords(thenMs: number, nowMs: number): string {
  const ms = Math.max(0, nowMs - thenMs);
  if (ms < 1000) return 'just now';
  if (ms < MINUTE) return `${Math.floor(ms / 1000)} s ago`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  return `${plural(Math.floor(ms / DAY), 'day')} ago`;
}

/** The covered span in words: whole days from a day on ("last 90 days"), else hours. */
export function spanWords(fromMs: number, toMs: number): string {
  const ms = Math.max(0, toMs - fromMs);
  if (ms >= DAY) return `last ${plural(Math.round(ms / DAY), 'day')}`;
  if (ms >= HOUR) return `last ${plural(Math.round(ms / HOUR), 'hour')}`;
  return `last ${plural(Math.max(1, Math.round(ms / MINUTE)), 'minute')}`;
}

/** The covered window in epoch ms, or null when nothing is covered. */
export function coveredWindow(status: IndexStatus): { from: number; to: number } | null {
  const from = status.coveredFrom ? Date.parse(status.coveredFrom) : NaN;
  const to = status.coveredTo ? Date.parse(status.coveredTo) : NaN;
  return Number.isNaN(from) || Number.isNaN(to) ? null : { from, to };
}

const utcWords = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/**
 * The one-line coverage of the session index: "Indexed: last 90 days, as of 12 s ago",
 * "Indexing: 3 of 90 days", "Index unavailable: …", or null when the index is off. Without
 * `nowMs` the "as of" is an absolute UTC time: a printed report must not say "12 s ago".
 */
export function coverageSentence(status: IndexStatus, nowMs?: number): string | null {
  switch (status.state) {
    case 'off':
      return null;
    case 'error':
      return `Index unavailable: ${status.lastError ?? 'no reason given'}`;
    case 'backfilling':
      return `Indexing: ${Math.floor(status.coveredDays)} of ${plural(status.horizonDays, 'day')}`;
    case 'live': {
      const window = coveredWindow(status);
      if (!window) return 'Indexed: nothing yet';
      const asOf = status.asOf ? Date.parse(status.asOf) : NaN;
      const span = spanWords(window.from, window.to);
      if (Number.isNaN(asOf)) return `Indexed: ${span}`;
      const when = nowMs === undefined ? utcWords(asOf) : agoWords(asOf, nowMs);
      return `Indexed: ${span}, as of ${when}`;
    }
    default:
      return null;
  }
}
