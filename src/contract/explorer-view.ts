import { BASELINES, type BaselineKind } from './baselines.ts';
import { filterRule } from './explorer-filter-rules.ts';
import {
  ALL_FILTER_PARAMS,
  COLUMN_IDS,
  DEFAULT_RANGE,
  RANGE_PRESETS,
  VIEW_MODES,
  isColumnId,
  parseThemeChoice,
  type ColumnId,
  type Filters,
  type RangePreset,
  type ThemeChoice,
  type ViewMode,
} from './explorer-vocabulary.ts';
import { LEGACY_PARAMS, migrateLegacyFilters } from './legacy-filters.ts';
import { listFilterRules } from './list-filters.ts';
import { parseInstant } from './time.ts';
import { isValidTimeZone } from './time-zone.ts';
import { z } from './zod.ts';

/**
 * The explorer's view schema: every URL param it reads, parsed once, here, by the browser,
 * the server's pre-render and the e2e tests alike. A bad value never fails the page: it
 * falls back to the default and leaves a notice naming the param. `serialiseExplorerState`
 * (explorer-view-url.ts) writes the canonical URL back. Adding a filter is one entry in
 * explorer-vocabulary.ts plus its rule; adding a param is one field here and one line there.
 */
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
  /** `view=report`: the printable review. */
  view: ViewMode;
  /** `mask=1`: numbers masked on screen, in exports and in the server's answers. */
  masked: boolean;
  /** `live=1`: the list refreshes itself while the window reaches now. */
  live: boolean;
  /** `charts=1|0`; null: the view's default (folded in the explorer, shown in a report). */
  charts: boolean | null;
  /** What "What changed" compares the window with. */
  baseline: BaselineKind;
  /** A linked theme; null: the viewer's own (stored or the system's). */
  theme: ThemeChoice | null;
};

export type UrlNotice = { param: string; message: string };

export const DEFAULT_STATE: ExplorerState = {
  filters: {},
  time: { kind: 'range', range: DEFAULT_RANGE },
  tz: 'utc',
  sort: null,
  cols: [...COLUMN_IDS],
  open: null,
  view: 'table',
  masked: false,
  live: false,
  charts: null,
  baseline: 'previous',
  theme: null,
};

const RAW_TIME_PARAMS = [
  'session_time__gte',
  'session_time__gt',
  'session_time__lt',
  'session_time__lte',
] as const;

/** Params this schema owns; anything else in the URL is carried over untouched. */
export const OWNED_PARAMS = new Set<string>([
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
  'view',
  'mask',
  'live',
  'charts',
  'baseline',
  'theme',
  // Old links' client-side filters: read as their server filters, never written back.
  ...LEGACY_PARAMS,
]);

const rangeSchema = z.enum(RANGE_PRESETS, { error: `must be one of ${RANGE_PRESETS.join(', ')}` });
const tzSchema = z
  .string()
  .check(z.refine(isValidTimeZone, 'must be utc, local or a time zone name like Asia/Kolkata'));
const sortSchema = z.pipe(
  z.string().check(
    z.regex(/^[a-z_]+:(asc|desc)$/, 'must look like created:desc'),
    z.refine((v) => isColumnId(v.split(':')[0] ?? ''), 'names an unknown column'),
  ),
  z.transform((v: string) => {
    const [id, dir] = v.split(':');
    return { id: id as ColumnId, desc: dir === 'desc' };
  }),
);
const openSchema = z.string().check(z.regex(/^[\w-]{1,100}$/, 'must be a session UUID'));

/** Text read by `convert`, which answers null for text it cannot read: then `message`. */
function readWith<T>(convert: (value: string) => T | null, message: string) {
  return z.pipe(
    z.string(),
    // zod/mini's transforms have no `ctx.addIssue`: the issue goes on the payload itself.
    z.transform((value: string, ctx) => {
      const converted = convert(value);
      if (converted !== null) return converted;
      ctx.issues.push({ code: 'custom', message, input: value });
      return z.NEVER;
    }),
  );
}
const instantSchema = readWith((value) => {
  const parsed = parseInstant(value);
  return parsed && Math.floor(parsed.epochSeconds * 1000 + parsed.micros / 1000);
}, 'must be an ISO time like 2026-11-20T10:00:00Z');
const viewSchema = z.enum(VIEW_MODES, { error: 'must be report (or left out)' });
const flagSchema = z.pipe(
  z.enum(['1', '0'], { error: 'must be 1 or 0' }),
  z.transform((v) => v === '1'),
);
const baselineSchema = z.enum(BASELINES, { error: `must be one of ${BASELINES.join(', ')}` });
const themeSchema = readWith(parseThemeChoice, 'must be light, dark or system');

const fallbackText: Record<string, string> = {
  range: 'the last 24 hours',
  from: 'the last 24 hours',
  to: 'the last 24 hours',
  tz: 'UTC',
  sort: 'newest first',
  cols: 'all columns',
  open: 'no expanded row',
  view: 'the explorer',
  live: 'no live refresh',
  charts: 'the charts as the view shows them',
  baseline: 'the time just before',
  theme: 'your own theme',
};

function notice(param: string, value: string, problem: string): UrlNotice {
  const fallback = fallbackText[param] ?? `no ${param} filter`;
  return { param, message: `${param}=“${value}” ${problem}; showing ${fallback} instead.` };
}

/** Reads a param with a schema: the value, or undefined plus a notice naming the param. */
function read<T>(
  search: URLSearchParams,
  param: string,
  schema: z.ZodMiniType<T>,
  notices: UrlNotice[],
): T | undefined {
  const value = search.get(param);
  if (value === null || value.trim() === '') return undefined;
  const result = schema.safeParse(value.trim());
  if (result.success) return result.data;
  notices.push(notice(param, value, result.error.issues[0]?.message ?? 'is not valid'));
  return undefined;
}

/**
 * `mask` fails closed: numbers are personal data, so a link that asks for masking in words
 * the schema does not know (`mask=yes`) is still masked, and says so.
 */
function readMask(search: URLSearchParams, notices: UrlNotice[]): boolean {
  const value = search.get('mask')?.trim();
  if (!value || value === '0') return false;
  if (value !== '1') {
    notices.push({
      param: 'mask',
      message: `mask=“${value}” must be 1 or 0; numbers are masked to be safe.`,
    });
  }
  return true;
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
  return {
    state: {
      filters,
      time: readTime(search, notices),
      tz: read(search, 'tz', tzSchema, notices) ?? DEFAULT_STATE.tz,
      sort: read(search, 'sort', sortSchema, notices) ?? null,
      cols: readCols(search, notices),
      open: read(search, 'open', openSchema, notices) ?? null,
      view: read(search, 'view', viewSchema, notices) ?? DEFAULT_STATE.view,
      masked: readMask(search, notices),
      live: read(search, 'live', flagSchema, notices) ?? false,
      charts: read(search, 'charts', flagSchema, notices) ?? null,
      baseline: read(search, 'baseline', baselineSchema, notices) ?? DEFAULT_STATE.baseline,
      theme: read(search, 'theme', themeSchema, notices) ?? null,
    },
    notices,
  };
}

/** Whether the charts show: `charts` when the URL says, else folded except in a report. */
export function chartsShown(state: Pick<ExplorerState, 'charts' | 'view'>): boolean {
  return state.charts ?? state.view === 'report';
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
