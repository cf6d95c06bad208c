import { absoluteWindow, isOpenWindow } from './time-window.ts';
import { parseExplorerSearch } from './url-state.ts';

/**
 * The "copy link" URL. A relative range in a shared link shows different data when it is
 * opened later, so by default the window is pinned: `range=24h` (or no time at all, which
 * means the default 24 h) becomes `from`/`to` instants computed from the caller's "now".
 * Everything else that defines the view — filters, mask, view, tz, cols, sort, open and the
 * client-side `f_*` filters — is kept as it is.
 */
export type ShareLinkOptions = {
  /** The current page URL (location.href). */
  href: string;
  /** Epoch ms; the instant the relative window is pinned to. */
  now: number;
  /** Keep `range=…` relative instead of pinning it. */
  relative?: boolean;
  /**
   * The sharer's IANA zone. `tz=local` would show the *recipient's* zone; the link is
   * rewritten to the sharer's zone so both see the same clock times.
   */
  localTimeZone?: string;
};

/**
 * Params that describe the viewer, not the view: `live` would start polling the shared
 * Plivo budget for everyone who opens the link (and a pinned window never changes), and
 * `theme` is a personal preference.
 */
const VIEWER_ONLY_PARAMS = ['live', 'theme'] as const;

export function buildShareLink(options: ShareLinkOptions): string {
  const url = new URL(options.href);
  const params = url.searchParams;
  for (const name of VIEWER_ONLY_PARAMS) params.delete(name);
  if (!options.relative) pinWindow(params, options.now);
  if (params.get('tz') === 'local' && options.localTimeZone) {
    params.set('tz', options.localTimeZone);
  }
  url.search = params.toString();
  url.hash = '';
  return url.toString();
}

/** A pasted Plivo query's time filters, which the explorer also reads as the window. */
const PLIVO_TIME_PARAMS = [
  'session_time__gte',
  'session_time__gt',
  'session_time__lte',
  'session_time__lt',
] as const;

function pinWindow(params: URLSearchParams, now: number): void {
  const window = resolveWindow(params, now);
  params.delete('range');
  for (const name of PLIVO_TIME_PARAMS) params.delete(name);
  params.set('from', formatUrlInstant(window.from));
  params.set('to', formatUrlInstant(window.to));
}

export type ResolvedWindow = { from: number; to: number; relative: boolean };

/**
 * The window a URL shows at `now`, in epoch ms — read exactly as the explorer reads it
 * (`parseExplorerSearch` + `absoluteWindow`), so a pinned link shows what was on screen.
 * `now` is rounded up to the next whole second so links stay short; pass the list's own
 * window end (a whole minute) to pin exactly the fetched window.
 */
export function resolveWindow(params: URLSearchParams, now: number): ResolvedWindow {
  const { time } = parseExplorerSearch(params).state;
  return { ...absoluteWindow(time, ceilSecond(now)), relative: isOpenWindow(time) };
}

function ceilSecond(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

/** "2026-11-20T10:00:00Z", with milliseconds only when there are some. */
export function formatUrlInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

const URL_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An ISO instant with an explicit zone, in epoch ms; null when absent or unreadable. */
export function readUrlInstant(value: string | null): number | null {
  if (value === null || !URL_INSTANT.test(value.trim())) return null;
  const ms = Date.parse(value.trim().replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? null : ms;
}
