import { toPlivoTime } from '../../../../contract/time.ts';
import { FILTER_PARAMS, RANGE_MS, type Filters } from '../../../lib/explorer-params.ts';
import type { TimeWindow } from '../../../lib/url-state.ts';

/** What decides the rows of the list: the cache key part, normalised (stable key order). */
export type ListQuery = { filters: Filters; time: TimeWindow };

export function normaliseListQuery(filters: Filters, time: TimeWindow): ListQuery {
  const ordered: Filters = {};
  for (const name of FILTER_PARAMS) if (filters[name]) ordered[name] = filters[name];
  return { filters: ordered, time };
}

/** A relative window ends at the next whole minute, so pages and reloads share the cache. */
export function windowEnd(nowMs: number): number {
  return Math.ceil(nowMs / 60_000) * 60_000;
}

/** The `/api/sessions` query: Plivo's filter names plus its UTC `session_time__*` bounds. */
export function toApiParams(query: ListQuery, endMs: number, offset: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const value = query.filters[name];
    if (value) params.set(name, value);
  }
  const { time } = query;
  if (time.kind === 'range') {
    params.set('session_time__gte', toPlivoTime(endMs - RANGE_MS[time.range]));
    params.set('session_time__lt', toPlivoTime(endMs));
  } else {
    params.set('session_time__gte', toPlivoTime(time.from));
    if (time.to !== null) params.set('session_time__lt', toPlivoTime(time.to));
  }
  if (offset > 0) params.set('offset', String(offset));
  return params;
}
