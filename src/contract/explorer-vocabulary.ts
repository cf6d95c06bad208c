import { INDEX_FILTER_PARAMS, type IndexFilterParam } from './index-filters.ts';

/**
 * The explorer's vocabulary, shared by its URL (explorer-view.ts), the browser's controls,
 * the server's pre-render and the e2e tests: filter names, time presets, column ids.
 */
const FILTER_PARAMS = [
  'status',
  'recipient',
  'app_uuid',
  'subaccount',
  'brand_name',
  'app_hash',
  'country',
  'alias',
] as const;
type FilterParam = (typeof FILTER_PARAMS)[number];
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

export function isColumnId(value: string): value is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(value);
}

/** Light / dark / system: `theme` in the URL, and the theme cookie the server reads. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export function parseThemeChoice(value: string | null | undefined): ThemeChoice | null {
  const v = value?.trim().toLowerCase();
  return (THEME_CHOICES as readonly string[]).includes(v ?? '') ? (v as ThemeChoice) : null;
}

/** `view`: the scrolling explorer, or report mode (a printable review). */
export const VIEW_MODES = ['table', 'report'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
