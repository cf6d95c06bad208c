/**
 * The server's pre-render of a deep link (docs/decisions/0004): the dashboard server renders
 * the explorer's first screen with the web app's own components (an SSR bundle built by Vite)
 * and embeds the `/api/sessions` reply it rendered from, so the browser shows rows as the HTML
 * arrives and its app starts from the same data without asking again.
 *
 * This file is the whole interface between the two sides: the server never imports web code
 * and the web app never imports server code.
 */

/** The `<script type="application/json">` element that carries `PrerenderBoot` to the browser. */
export const PRERENDER_BOOT_ID = 'prerender-boot';

/** Where the SSR bundle's entry is, relative to its build directory. */
export const PRERENDER_ENTRY_FILE = 'prerender.js';

/** The cookie in which the browser reports its time zone, so the next pre-render uses it. */
export const VIEWER_ZONE_COOKIE = 'otp_viewer_tz';

/** The cookie that carries the viewer's stored theme (`light`/`dark`) to the pre-render. */
export const THEME_COOKIE = 'otp_theme';

/** A request header that turns the pre-render off for one page (tests serving their own /api). */
export const NO_PRERENDER_HEADER = 'x-dashboard-prerender';

export type PrerenderInput = {
  /** Path and query of the page, e.g. `/?status=verified`. */
  url: string;
  /** The IANA zone `tz=local` stands for; UTC when the browser has not reported one yet. */
  viewerZone: string;
  /** Epoch ms: "now" for relative windows. */
  nowMs: number;
  /**
   * Runs one `/api/sessions` query (its query string) through the server's own budget, cache
   * and validation: the reply body, or null on any failure (the browser then asks itself and
   * shows the failure with its own message).
   */
  loadList: (apiQuery: string) => Promise<unknown>;
  /** The server's recent renders: a page of a reply already rendered is not rendered again. */
  renders: RenderMemo;
};

/**
 * Renders kept by the server, each with the `loadList` reply it came from; the server decides
 * how many and for how long (it knows how long it keeps the replies, and its memory).
 */
export type RenderMemo = {
  /** The render kept under `key`, if it came from this very reply object. */
  recall(key: string, body: object): PrerenderResult | null;
  remember(key: string, body: object, result: PrerenderResult): void;
};

/** What the browser needs to start from the pre-rendered data. */
export type PrerenderBoot = {
  /** The `/api/sessions` query string the data answers. */
  apiQuery: string;
  /** The reply body, exactly as `/api/sessions` would have sent it. */
  body: unknown;
  /** The end of the window, for relative windows (later pages ask for the same window). */
  endMs: number;
  /** When the server had the reply (epoch ms). */
  fetchedAt: number;
};

export type PrerenderResult = { html: string; boot: PrerenderBoot };

/** The SSR bundle's export: null when the page is not one it pre-renders. */
export type Prerender = (input: PrerenderInput) => Promise<PrerenderResult | null>;
