import { z } from '../../contract/zod.ts';
import { listFilterRules } from '../../contract/list-filters.ts';
import { parseInstant } from '../../contract/time.ts';
import {
  ALL_FILTER_PARAMS,
  COLUMN_IDS,
  DEFAULT_RANGE,
  RANGE_PRESETS,
  isColumnId,
  type ColumnId,
  type Filters,
  type RangePreset,
} from './explorer-params.ts';
import { filterRule } from './filter-rules.ts';
import { LEGACY_PARAMS, migrateLegacyFilters } from './legacy-filters.ts';
import { isValidTimeZone } from './time-format.ts';

export type TimeWindow =
  | { kind: 'range'; range: RangePreset }
  /** Absolute window in epoch ms; `to` null means "until now". */
  | { kind: 'absolute'; from: number; to: number | null };

export type SortState = { id: ColumnId; desc: boolean } | null;

/** Everything the explorer shows, as read from the URL. */
export type ExplorerState = {
  filters: Filters;
  time: TimeWindow;
  tz: string;
  sort: SortState;
  cols: ColumnId[];
  open: string | null;
};

export type UrlNotice = { param: string; message: string };

export const DEFAULT_STATE: ExplorerState = {
  filters: {},
  time: { kind: 'range', range: DEFAULT_RANGE },
  tz: 'utc',
  sort: null,
  cols: [...COLUMN_IDS],
  open: null,
};

/** Params this module owns; anything else in the URL is kept untouched for other features. */
const RAW_TIME_PARAMS = [
  'session_time__gte',
  'session_time__gt',
  'session_time__lt',
  'session_time__lte',
] as const;
const OWNED = new Set<string>([
  ...ALL_FILTER_PARAMS,
  ...RAW_TIME_PARAMS,
  'session_time',
  'limit',
  'offset',
  'range',
  'from',
  'to',
  'tz',
  'sort',
  'cols',
  'open',
  // Old links' client-side filters: read as their server filters, never written back.
  ...LEGACY_PARAMS,
]);

const rangeSchema = z.enum(RANGE_PRESETS, { error: `must be one of ${RANGE_PRESETS.join(', ')}` });
const tzSchema = z
  .string()
  .refine(isValidTimeZone, 'must be utc, local or a time zone name like Asia/Kolkata');
const sortSchema = z
  .string()
  .regex(/^[a-z_]+:(asc|desc)$/, 'must look like created:desc')
  .refine((v) => isColumnId(v.split(':')[0] ?? ''), 'names an unknown column')
  .transform((v) => {
    const [id, dir] = v.split(':');
    return { id: id as ColumnId, desc: dir === 'desc' };
  });
const openSchema = z.string().regex(/^[\w-]{1,100}$/, 'must be a session UUID');
const instantSchema = z.string().transform((value, ctx) => {
  const parsed = parseInstant(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO time like 2026-11-20T10:00:00Z' });
    return z.NEVER;
  }
  return Math.floor(parsed.epochSeconds * 1000 + parsed.micros / 1000);
});

const fallbackText: Record<string, string> = {
  range: 'the last 24 hours',
  from: 'the last 24 hours',
  to: 'the last 24 hours',
  tz: 'UTC',
  sort: 'newest first',
  cols: 'all columns',
  open: 'no expanded row',
};

function notice(param: string, value: string, problem: string): UrlNotice {
  const fallback = fallbackText[param] ?? `no ${param} filter`;
  return { param, message: `${param}=“${value}” ${problem}; showing ${fallback} instead.` };
}

/** Reads a param with a schema: the value, or undefined plus a notice naming the param. */
function read<T>(
  search: URLSearchParams,
  param: string,
  schema: z.ZodType<T>,
  notices: UrlNotice[],
): T | undefined {
  const value = search.get(param);
  if (value === null || value.trim() === '') return undefined;
  const result = schema.safeParse(value.trim());
  if (result.success) return result.data;
  notices.push(notice(param, value, result.error.issues[0]?.message ?? 'is not valid'));
  return undefined;
}

export function parseExplorerSearch(input: URLSearchParams): {
  state: ExplorerState;
  notices: UrlNotice[];
} {
  const migration = migrateLegacyFilters(input);
  const search = migration?.search ?? input;
  const notices: UrlNotice[] = [...(migration?.notices ?? [])];
  const filters: Filters = {};
  for (const name of ALL_FILTER_PARAMS) {
    const value = read(search, name, filterRule(name), notices);
    if (value !== undefined) filters[name] = value;
  }
  for (const name of ['session_time', 'limit', 'offset']) {
    if (search.has(name)) {
      notices.push({
        param: name,
        message: `${name} is not supported in links (the dashboard pages by itself); it was ignored.`,
      });
    }
  }
  const sort = read(search, 'sort', sortSchema, notices) ?? null;
  const cols = readCols(search, notices);
  return {
    state: {
      filters,
      time: readTime(search, notices),
      tz: read(search, 'tz', tzSchema, notices) ?? 'utc',
      sort,
      cols,
      open: read(search, 'open', openSchema, notices) ?? null,
    },
    notices,
  };
}

function readCols(search: URLSearchParams, notices: UrlNotice[]): ColumnId[] {
  const raw = search.get('cols');
  if (raw === null || raw.trim() === '') return [...COLUMN_IDS];
  const parts = raw.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !isColumnId(p));
  const wanted = new Set(parts.filter(isColumnId));
  if (unknown.length) {
    const problem = `names unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`;
    notices.push({
      param: 'cols',
      message: `cols=“${raw}” ${problem}; ${wanted.size ? 'they were left out' : 'showing all columns instead'}.`,
    });
  }
  return wanted.size ? COLUMN_IDS.filter((id) => wanted.has(id)) : [...COLUMN_IDS];
}

/** `from`/`to`, or a pasted raw Plivo `session_time__*` query, or a `range` preset. */
function readTime(search: URLSearchParams, notices: UrlNotice[]): TimeWindow {
  const plivoTime = (name: (typeof RAW_TIME_PARAMS)[number], shiftMs: number) => {
    const v = read(search, name, listFilterRules[name], notices);
    const parsed = v === undefined ? null : parseInstant(v);
    return parsed
      ? parsed.epochSeconds * 1000 + Math.floor(parsed.micros / 1000) + shiftMs
      : undefined;
  };
  const from =
    read(search, 'from', instantSchema, notices) ??
    plivoTime('session_time__gte', 0) ??
    plivoTime('session_time__gt', 1);
  const to =
    read(search, 'to', instantSchema, notices) ??
    plivoTime('session_time__lt', 0) ??
    plivoTime('session_time__lte', 1);
  const range = read(search, 'range', rangeSchema, notices);
  if (from !== undefined) {
    if (to !== undefined && to <= from) {
      notices.push({
        param: 'to',
        message: 'to is not after from; showing the last 24 hours instead.',
      });
      return DEFAULT_STATE.time;
    }
    return { kind: 'absolute', from, to: to ?? null };
  }
  if (to !== undefined) {
    notices.push({
      param: 'to',
      message: 'to needs a from as well; showing the last 24 hours instead.',
    });
  }
  return { kind: 'range', range: range ?? DEFAULT_RANGE };
}

/** ISO UTC without milliseconds when they are zero: short, exact and stable. */
export function formatIsoInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/**
 * Minimal, stable serialisation: defaults are omitted, params come in a fixed order, and
 * params owned by other features (`mask`, `view`, …) are carried over from `keep`.
 */
export function serialiseExplorerState(
  state: ExplorerState,
  keep?: URLSearchParams,
): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of ALL_FILTER_PARAMS) {
    const value = state.filters[name];
    if (value) out.set(name, value);
  }
  if (state.time.kind === 'range') {
    if (state.time.range !== DEFAULT_RANGE) out.set('range', state.time.range);
  } else {
    out.set('from', formatIsoInstant(state.time.from));
    if (state.time.to !== null) out.set('to', formatIsoInstant(state.time.to));
  }
  if (state.tz !== 'utc') out.set('tz', state.tz);
  if (state.sort) out.set('sort', `${state.sort.id}:${state.sort.desc ? 'desc' : 'asc'}`);
  if (state.cols.join(',') !== COLUMN_IDS.join(',')) out.set('cols', state.cols.join(','));
  if (state.open) out.set('open', state.open);
  if (keep) for (const [name, value] of keep) if (!OWNED.has(name)) out.append(name, value);
  return out;
}
