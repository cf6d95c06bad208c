import { explorerSearch } from '../../contract/explorer-view-url.ts';
import { parseExplorerSearch } from '../../contract/explorer-view.ts';
import { absoluteWindow, isOpenWindow } from './time-window.ts';

/**
 * The "copy link" URL. A relative range in a shared link shows different data when it is
 * opened later, so by default the window is pinned: `range=24h` (or no time at all, which
 * means the default 24 h) becomes `from`/`to` instants computed from the caller's "now".
 * Everything else that defines the view — filters, mask, view, tz, cols, sort, open — is
 * kept, written in the view schema's canonical, readable form (times with their colons).
 */
type ShareLinkOptions = {
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

export function buildShareLink(options: ShareLinkOptions): string {
  const url = new URL(options.href);
  const { state } = parseExplorerSearch(url.searchParams);
  const window = resolveWindow(url.searchParams, options.now);
  const shared = {
    ...state,
    // What describes the viewer, not the view: `live` would start polling the shared Plivo
    // budget for everyone who opens the link, and `theme` is a personal preference.
    live: false,
    theme: null,
    time: options.relative ? state.time : { kind: 'absolute' as const, ...window },
    tz: state.tz === 'local' && options.localTimeZone ? options.localTimeZone : state.tz,
  };
  return `${url.origin}${url.pathname}${explorerSearch(shared, url.searchParams)}`;
}

type ResolvedWindow = { from: number; to: number; relative: boolean };

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
