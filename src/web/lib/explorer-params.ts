import { INDEX_FILTER_PARAMS, type IndexFilterParam } from '../../contract/index-filters.ts';

/** The explorer's vocabulary: filter names, time presets, columns. Shared by URL and UI. */
export const FILTER_PARAMS = [
  'status',
  'recipient',
  'app_uuid',
  'subaccount',
  'brand_name',
  'app_hash',
  'country',
  'alias',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
/** Filters only the session index applies (Plivo lacks them): sent to the server as well. */
export const INDEX_PARAMS: readonly IndexFilterParam[] = INDEX_FILTER_PARAMS;
export type { IndexFilterParam };
export type AnyFilterParam = FilterParam | IndexFilterParam;
/** Every filter the explorer sends, in the fixed order of links and requests. */
export const ALL_FILTER_PARAMS: readonly AnyFilterParam[] = [...FILTER_PARAMS, ...INDEX_PARAMS];
/** Each value in its normalised text form (index lists joined by commas). */
export type Filters = Partial<Record<AnyFilterParam, string>>;

export const RANGE_PRESETS = ['15m', '1h', '24h', '7d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = '24h';

const MINUTE = 60_000;
export const RANGE_MS: Record<RangePreset, number> = {
  '15m': 15 * MINUTE,
  '1h': 60 * MINUTE,
  '24h': 24 * 60 * MINUTE,
  '7d': 7 * 24 * 60 * MINUTE,
  '30d': 30 * 24 * 60 * MINUTE,
  '90d': 90 * 24 * 60 * MINUTE,
};
export const RANGE_LABELS: Record<RangePreset, string> = {
  '15m': '15 minutes',
  '1h': '1 hour',
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
};

/** Column ids in display order; `cols` in the URL lists a subset of these. */
export const COLUMN_IDS = [
  'created',
  'recipient',
  'status',
  'verdict',
  'channel',
  'attempts',
  'last_attempt',
  'network',
  'alias',
  'charge',
  'session_uuid',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  created: 'Created',
  recipient: 'Recipient',
  status: 'Status',
  verdict: 'Verdict',
  channel: 'Channel',
  attempts: 'Attempts',
  last_attempt: 'Last attempt',
  network: 'Network',
  alias: 'App alias',
  charge: 'Total charge',
  session_uuid: 'Session UUID',
};

export function isColumnId(value: string): value is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(value);
}
