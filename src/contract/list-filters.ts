import { z } from './zod.ts';
import { SESSION_STATUSES } from './session.ts';
import { parseInstant } from './time.ts';

/**
 * The list filters: Plivo's own parameter names and rules, shared by the browser (URL
 * state), the server (validating `/api/sessions` before spending the upstream budget) and
 * the simulator (answering 400 like Plivo). Every failure names its parameter.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session, app or attempt UUID as Plivo writes them (any case). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
const PLIVO_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/;
const TIME_FORMAT = 'YYYY-MM-DD HH:MM[:ss[.uuuuuu]] (UTC)';
const MAX_TEXT = 200;

const lowerCase = z.transform((v: string) => v.toLowerCase());
const upperCase = z.transform((v: string) => v.toUpperCase());

// Lower-cased so that equal filters make one cache entry on the server.
const uuid = (what: string) =>
  z.pipe(
    z
      .string()
      .check(z.regex(UUID, `must be a ${what} UUID like 3cdec449-a367-435e-b4f9-40d777a7cfcc`)),
    lowerCase,
  );
const text = z.string().check(z.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`));
const plivoTime = z.string().check(
  z.regex(PLIVO_TIME, `must be a UTC time as ${TIME_FORMAT}`),
  z.refine((v) => parseInstant(v) !== null, 'is not a real date and time'),
);
const wholeNumber = (min: number, max: number, rule: string) =>
  z.pipe(
    z.pipe(
      z.string().check(z.regex(/^\d{1,7}$/, `must be a whole number ${rule}`)),
      z.transform(Number),
    ),
    z.number().check(z.minimum(min, `must be ${rule}`), z.maximum(max, `must be ${rule}`)),
  );
/** Normalises the text with `normalise`, then checks it against `pattern`. */
const normalised = (normalise: z.ZodMiniType<string, string>, pattern: RegExp, message: string) =>
  z.pipe(z.pipe(z.string(), normalise), z.string().check(z.regex(pattern, message)));

export const listFilterRules = {
  app_uuid: uuid('application'),
  status: z.pipe(
    z.pipe(z.string(), lowerCase),
    z.enum(SESSION_STATUSES, { error: `must be one of ${SESSION_STATUSES.join(', ')}` }),
  ),
  recipient: z.pipe(
    normalised(
      z.transform((v: string) => v.replace(/[\s().-]/g, '')),
      /^\+?[1-9]\d{6,14}$/,
      'must be a phone number in E.164, like +12025553434',
    ),
    z.transform((v: string) => (v.startsWith('+') ? v : `+${v}`)),
  ),
  subaccount: normalised(
    upperCase,
    /^SA[A-Z0-9]{18}$/,
    'must be a subaccount Auth ID: SA and 18 letters or digits',
  ),
  limit: wholeNumber(1, 20, 'from 1 to 20'),
  offset: wholeNumber(0, 9_999_999, '0 or more'),
  session_time: plivoTime,
  session_time__gt: plivoTime,
  session_time__gte: plivoTime,
  session_time__lt: plivoTime,
  session_time__lte: plivoTime,
  brand_name: text,
  app_hash: text,
  country: normalised(upperCase, /^[A-Z]{2}$/, 'must be a two-letter ISO country code like IN'),
  alias: text,
} as const;

type ListFilterParam = keyof typeof listFilterRules;
const LIST_FILTER_PARAMS = Object.keys(listFilterRules) as ListFilterParam[];

export type ListFilters = { [K in ListFilterParam]?: z.output<(typeof listFilterRules)[K]> };
export type FilterIssue = { param: string; message: string };
type FilterParseResult =
  { ok: true; filters: ListFilters } | { ok: false; issues: FilterIssue[]; filters: ListFilters };

export function isListFilterParam(name: string): name is ListFilterParam {
  return Object.hasOwn(listFilterRules, name);
}

/**
 * Validates query parameters. Empty values are ignored, as Plivo ignores them (the Go SDK
 * always sends `BrandName=`). Unknown names are issues unless `ignoreUnknown` is set — the
 * simulator ignores them like Plivo; the dashboard's server rejects them so typos surface.
 */
export function parseListFilters(
  params: Iterable<readonly [string, string]>,
  options: { ignoreUnknown?: boolean } = {},
): FilterParseResult {
  const filters: ListFilters = {};
  const set = (name: ListFilterParam, value: unknown) => Object.assign(filters, { [name]: value });
  const issues: FilterIssue[] = [];
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!isListFilterParam(name)) {
      if (!options.ignoreUnknown) issues.push({ param: name, message: `${name} is not a filter` });
      continue;
    }
    if (value.trim() === '') continue;
    if (seen.has(name)) {
      issues.push({ param: name, message: `${name} is given more than once` });
      continue;
    }
    seen.add(name);
    const result = listFilterRules[name].safeParse(value.trim());
    if (result.success) set(name, result.data);
    else
      issues.push({
        param: name,
        message: `${name} ${result.error.issues[0]?.message ?? 'is invalid'}`,
      });
  }
  issues.push(...checkTimeOrder(filters));
  return issues.length ? { ok: false, issues, filters } : { ok: true, filters };
}

function checkTimeOrder(filters: ListFilters): FilterIssue[] {
  const from = filters.session_time__gte ?? filters.session_time__gt;
  const to = filters.session_time__lte ?? filters.session_time__lt;
  if (!from || !to) return [];
  const a = parseInstant(from);
  const b = parseInstant(to);
  if (a && b && a.epochSeconds + a.micros / 1e6 > b.epochSeconds + b.micros / 1e6) {
    return [{ param: 'session_time', message: 'the start of the time range is after its end' }];
  }
  return [];
}

/** Serialises filters in a stable order, so equal filters make equal URLs and cache keys. */
export function listFiltersToQuery(filters: ListFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of LIST_FILTER_PARAMS) {
    const value = filters[name];
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  return query;
}
