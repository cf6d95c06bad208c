import { MAX_INDEX_LIMIT } from '../../contract/session-query.ts';
import { toPlivoTime } from '../../contract/time.ts';
import { ALL_FILTER_PARAMS, type Filters } from '../../contract/explorer-vocabulary.ts';
import { absoluteWindow } from './time-window.ts';
import type { TimeWindow } from '../../contract/explorer-view.ts';

const LIST_PAGE_LIMIT = MAX_INDEX_LIMIT;

/** What decides the rows of the list: the cache key part, normalised (stable key order). */
export type ListQuery = { filters: Filters; time: TimeWindow };

export function normaliseListQuery(filters: Filters, time: TimeWindow): ListQuery {
  const ordered: Filters = {};
  for (const name of ALL_FILTER_PARAMS) if (filters[name]) ordered[name] = filters[name];
  return { filters: ordered, time };
}

/** A relative window ends at the next whole minute, so pages and reloads share the cache. */
export function windowEnd(nowMs: number): number {
  return Math.ceil(nowMs / 60_000) * 60_000;
}

/** The `/api/sessions` query: Plivo's filter names plus its UTC `session_time__*` bounds. */
export function toApiParams(query: ListQuery, endMs: number, offset: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ALL_FILTER_PARAMS) {
    const value = query.filters[name];
    if (value) params.set(name, value);
  }
  const { time } = query;
  const window = absoluteWindow(time, endMs);
  params.set('session_time__gte', toPlivoTime(window.from));
  // "From … until now" sends no end, so sessions newer than the fetch still show up.
  if (time.kind === 'range' || time.to !== null) {
    params.set('session_time__lt', toPlivoTime(window.to));
  }
  if (offset > 0) params.set('offset', String(offset));
  // The session index pages up to 500 rows at once; a live Plivo answer is cut to its 20 by
  // the server, so asking for 500 is right whichever source answers.
  params.set('limit', String(LIST_PAGE_LIMIT));
  return params;
}
