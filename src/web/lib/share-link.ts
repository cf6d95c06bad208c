import { parseInstant } from '../../contract/time.ts';
import { DEFAULT_RANGE, RANGE_MS, isRangePreset } from './explorer-params.ts';

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
 * The window a URL shows at `now`, in epoch ms. `from` without `to` means "until now".
 * Unreadable values fall back to the default range, as the explorer does (it also shows a
 * notice for them). `to` is rounded up to the next whole second so links stay short and
 * nothing fetched in the last fraction of a second is cut off.
 */
export function resolveWindow(params: URLSearchParams, now: number): ResolvedWindow {
  const to =
    readUrlInstant(params.get('to')) ??
    readPlivoTime(params.get('session_time__lt'), 0) ??
    readPlivoTime(params.get('session_time__lte'), 1);
  const from =
    readUrlInstant(params.get('from')) ??
    readPlivoTime(params.get('session_time__gte'), 0) ??
    readPlivoTime(params.get('session_time__gt'), 1);
  if (from !== null) return { from, to: to ?? ceilSecond(now), relative: to === null };
  const range = params.get('range') ?? DEFAULT_RANGE;
  const span = RANGE_MS[isRangePreset(range) ? range : DEFAULT_RANGE];
  const end = ceilSecond(now);
  return { from: end - span, to: end, relative: true };
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

/** Plivo's "YYYY-MM-DD HH:MM[:ss[.uuuuuu]]" (UTC) in epoch ms, shifted 1 ms for gt/lte. */
function readPlivoTime(value: string | null, shiftMs: number): number | null {
  const parsed = value ? parseInstant(value.trim()) : null;
  return parsed ? parsed.epochSeconds * 1000 + Math.floor(parsed.micros / 1000) + shiftMs : null;
}
