import { toPlivoTime } from '../../../../contract/time.ts';

/**
 * The index query behind "Was it just this user?" (see surrounding.ts), apart from the
 * summaries drawn from its answer: the query factory is in the explorer's first load, the
 * session page that runs it and reads the answer is not.
 */
export type Surrounding = {
  sessionUuid: string;
  country: string;
  /** Null when the session has no network: then the country alone is compared. */
  network: string | null;
  /** Epoch ms, whole seconds: `from` inclusive, `to` exclusive. */
  from: number;
  to: number;
};

const SURROUNDING_LIMIT = 500;

/** `/api/sessions` from the index only: without it the server says 409, never a partial list. */
export function surroundingApiParams(s: Surrounding): URLSearchParams {
  const params = new URLSearchParams({ country: s.country });
  if (s.network) params.set('network', s.network);
  params.set('session_time__gte', toPlivoTime(s.from));
  params.set('session_time__lt', toPlivoTime(s.to));
  params.set('source', 'index');
  params.set('limit', String(SURROUNDING_LIMIT));
  return params;
}
