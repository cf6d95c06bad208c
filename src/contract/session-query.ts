import {
  isListFilterParam,
  parseListFilters,
  type FilterIssue,
  type ListFilters,
} from './list-filters.ts';
import { indexFilterRules, isIndexFilterParam, type IndexFilters } from './index-filters.ts';

/**
 * What `/api/sessions` and `/api/stats` accept: Plivo's filters, the filters only the index
 * can apply, and `source` (auto: the index when it covers the query, else Plivo; plivo: a
 * live answer). `limit` goes to 500 because the index pages that far; a live answer is cut
 * to Plivo's 20.
 */
const SOURCES = ['auto', 'plivo', 'index'] as const;
export type Source = (typeof SOURCES)[number];
export const MAX_INDEX_LIMIT = 500;
export const PLIVO_MAX_LIMIT = 20;

export type SessionQuery = {
  filters: ListFilters;
  index: IndexFilters;
  source: Source;
  /** Rows asked for: up to 500 (the index), cut to 20 for Plivo. */
  limit: number;
};

type SessionQueryResult = { ok: true; query: SessionQuery } | { ok: false; issues: FilterIssue[] };

/** `extra` names further parameters the caller handles itself (e.g. `bucket` for stats). */
export function parseSessionQuery(
  params: Iterable<readonly [string, string]>,
  extra: readonly string[] = [],
): SessionQueryResult {
  const plivo: [string, string][] = [];
  const index: IndexFilters = {};
  const issues: FilterIssue[] = [];
  const seen = new Set<string>();
  let source: Source = 'auto';
  let limit = PLIVO_MAX_LIMIT;
  for (const [name, raw] of params) {
    const value = raw.trim();
    if (extra.includes(name)) continue;
    if (isListFilterParam(name) && name !== 'limit') {
      plivo.push([name, raw]);
      continue;
    }
    if (value === '') continue;
    if (seen.has(name)) {
      issues.push({ param: name, message: `${name} is given more than once` });
      continue;
    }
    seen.add(name);
    if (name === 'limit') {
      const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
      if (n >= 1 && n <= MAX_INDEX_LIMIT) limit = n;
      else
        issues.push({
          param: name,
          message: `limit must be a whole number from 1 to ${MAX_INDEX_LIMIT}`,
        });
    } else if (name === 'source') {
      if ((SOURCES as readonly string[]).includes(value)) source = value as Source;
      else issues.push({ param: name, message: `source must be one of ${SOURCES.join(', ')}` });
    } else if (isIndexFilterParam(name)) {
      const parsed = indexFilterRules[name].safeParse(value);
      if (parsed.success) Object.assign(index, { [name]: parsed.data });
      else
        issues.push({
          param: name,
          message: `${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
        });
    } else {
      issues.push({ param: name, message: `${name} is not a filter` });
    }
  }
  const listed = parseListFilters(plivo);
  if (!listed.ok) issues.unshift(...listed.issues);
  if (issues.length) return { ok: false, issues };
  return { ok: true, query: { filters: listed.filters, index, source, limit } };
}

/** Index-only filters present in a query, by name: what a live answer cannot apply. */
export function indexOnlyFilterNames(index: IndexFilters): string[] {
  return Object.keys(index).filter((k) => index[k as keyof IndexFilters] !== undefined);
}
