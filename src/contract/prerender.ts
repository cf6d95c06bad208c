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

/**
 * The pre-render's `<style>` element. The CSP admits no `style` attributes, so the server
 * moves each into a class `ps-<n>` there; the browser moves them back (through the CSSOM,
 * which the CSP allows) before it hydrates, so the DOM is exactly what React rendered.
 */
export const PRERENDER_STYLE_ID = 'prerender-styles';
export const HOISTED_STYLE_CLASS_PREFIX = 'ps-';

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
  /** Scheme and host of the page, as the request named them. */
  origin: string;
  /** The IANA zone `tz=local` stands for; UTC when the browser has not reported one yet. */
  viewerZone: string;
  /** The viewer's stored theme choice (its cookie), as the browser's app will read it. */
  storedTheme: string | null;
  server: ServerFacts;
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

/**
 * What a render depends on besides the URL and the data. The browser hydrates with the
 * values the server rendered with, so both produce the same markup, then moves to its own.
 */
export type RenderEnvironment = {
  viewerZone: string;
  storedTheme: string | null;
  /**
   * What the server is, so the parts that depend on it (the simulator banner, the index's
   * status line) are in the first render rather than moving the page when /api answers;
   * null when not known (no pre-render).
   */
  server: ServerFacts | null;
  /**
   * The page's origin as the server saw the request, for the absolute links the page shows
   * (the report header's): the browser hydrates with it, then moves to its own
   * `location.origin` (the same, unless a proxy rewrote the request). Null when not known.
   */
  origin: string | null;
};

export type ServerMode = 'simulator' | 'plivo';
export type ServerFacts = { mode: ServerMode; indexed: boolean };

/** What the browser needs to hydrate the pre-render and start from its data. */
export type PrerenderBoot = {
  /** What the server rendered with. */
  environment: RenderEnvironment;
  /** The `/api/sessions` query string the data answers. */
  apiQuery: string;
  /**
   * The reply body as `/api/sessions` would have sent it — masked (and marked `masked`) when
   * the page is (`mask=1` or a masked-only viewer): the page must not carry what it hides.
   */
  body: unknown;
  /** The end of the window, for relative windows (later pages ask for the same window). */
  endMs: number;
  /** When the server had the reply (epoch ms). */
  fetchedAt: number;
};

export type PrerenderResult = {
  html: string;
  boot: PrerenderBoot;
  /**
   * Stylesheets the components computed (the table's column fit): the page carries them in
   * its one hashed stylesheet, the browser's app adopts them again through the CSSOM.
   */
  css: string;
};

/** The SSR bundle's export: null when the page is not one it pre-renders. */
export type Prerender = (input: PrerenderInput) => Promise<PrerenderResult | null>;

/**
 * The boot's `apiQuery` as written into a page whose reply is masked: the recipient filter
 * keeps only its last four digits, or the page would carry the number it masks everywhere
 * else. The browser compares its own query in the same form; both sides call this.
 */
export function bootApiQuery(apiQuery: string, body: unknown): string {
  const masked = typeof body === 'object' && body !== null && 'masked' in body && body.masked;
  if (!masked) return apiQuery;
  const params = new URLSearchParams(apiQuery);
  const recipient = params.get('recipient');
  if (recipient !== null)
    params.set('recipient', `masked-${recipient.replace(/\D/g, '').slice(-4)}`);
  return params.toString();
}
