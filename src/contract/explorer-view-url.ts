import { DEFAULT_STATE, OWNED_PARAMS, type ExplorerState } from './explorer-view.ts';
import { ALL_FILTER_PARAMS, COLUMN_IDS, DEFAULT_RANGE } from './explorer-vocabulary.ts';

/** ISO UTC without milliseconds when they are zero: short, exact and stable. */
export function formatIsoInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/**
 * The canonical params of a view: defaults left out, a fixed order, so the same state always
 * makes the same URL. Params the schema does not own are carried over from `keep`.
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
  if (state.tz !== DEFAULT_STATE.tz) out.set('tz', state.tz);
  if (state.sort) out.set('sort', `${state.sort.id}:${state.sort.desc ? 'desc' : 'asc'}`);
  if (state.cols.join(',') !== COLUMN_IDS.join(',')) out.set('cols', state.cols.join(','));
  if (state.open) out.set('open', state.open);
  if (state.view !== DEFAULT_STATE.view) out.set('view', state.view);
  if (state.masked) out.set('mask', '1');
  if (state.live) out.set('live', '1');
  if (state.charts !== null) out.set('charts', state.charts ? '1' : '0');
  if (state.baseline !== DEFAULT_STATE.baseline) out.set('baseline', state.baseline);
  if (state.theme !== null) out.set('theme', state.theme);
  if (keep) for (const [name, value] of keep) if (!OWNED_PARAMS.has(name)) out.append(name, value);
  return out;
}

/**
 * A query string people can read in a ticket: `from=2026-11-20T10:00:00Z`, `country=IN,US`.
 * `:` `,` `/` `@` are legal in a query (RFC 3986), so only what must be escaped is.
 */
function readableQuery(params: URLSearchParams): string {
  return params.toString().replace(/%(3A|2C|2F|40)/gi, (code) => decodeURIComponent(code));
}

/** The canonical `?…` of a view ('' for the default view). */
export function explorerSearch(state: ExplorerState, keep?: URLSearchParams): string {
  const query = readableQuery(serialiseExplorerState(state, keep));
  return query ? `?${query}` : '';
}
