import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { parseSessionQuery } from '../../contract/session-query.ts';
import { isValidTimeZone } from '../../contract/time-zone.ts';
import { parseExplorerSearch } from '../../contract/explorer-view.ts';
import {
  NO_PRERENDER_HEADER,
  PRERENDER_ENTRY_FILE,
  THEME_COOKIE,
  VIEWER_ZONE_COOKIE,
  type Prerender,
  type PrerenderResult,
  type ServerFacts,
} from '../../contract/prerender.ts';
import type { AppEnv } from '../http/app-env.ts';
import { AssembledPages } from './assembled-pages.ts';
import type { AuditLog } from '../access/audit-log.ts';
import { maskedPage } from '../access/mask-replies.ts';
import { pageTheme, prerenderedDocument, ROOT_ELEMENT } from './prerendered-document.ts';
import { RecentRenders } from './recent-renders.ts';
import { withoutLongNumbers, type LogLine } from '../http/request-log.ts';
import type { IndexAnswers } from '../index/index-answers.ts';
import type { SessionsService } from '../upstream/sessions-service.ts';
import { chooseEncoding, compress, type StaticFiles } from '../http/static-files.ts';
import { viewerOf } from '../access/viewer.ts';

export type PrerenderDeps = {
  service: SessionsService;
  /** The session index's answers: a covered window is pre-rendered from it, as /api/sessions does. */
  index?: Pick<IndexAnswers, 'list'>;
  staticFiles: StaticFiles;
  settings: { ssrDir: string; waitMs: number };
  /** How long the service keeps a reply: a render of it is of no use for longer. */
  replyTtlMs: number;
  log: LogLine;
  audit: AuditLog | null;
  /** What the server is: its upstream and whether it keeps an index (see RenderEnvironment). */
  server: () => ServerFacts;
};

/**
 * Answers a deep link to the explorer with its first screen already rendered (decision 0004):
 * the SSR bundle renders it from the first page of the list, fetched through the same budget,
 * cache and validation as `/api/sessions`. Anything that goes wrong — no bundle, a failed or
 * slow upstream, a render error — serves the plain app instead, which then fetches and shows
 * the outcome itself: the pre-render only ever makes the page faster.
 */
export class PagePrerenderer {
  private entry: Promise<Prerender | null> | null = null;
  readonly renders: RecentRenders;
  private readonly pages: AssembledPages<Assembled>;

  constructor(private readonly deps: PrerenderDeps) {
    this.renders = new RecentRenders({ ttlMs: deps.replyTtlMs });
    this.pages = new AssembledPages({ ttlMs: deps.replyTtlMs });
  }

  /** Loads the SSR bundle (once); null, logged once, when it is missing or not ours. */
  load(): Promise<Prerender | null> {
    this.entry ??= import(pathToFileURL(join(this.deps.settings.ssrDir, PRERENDER_ENTRY_FILE)).href)
      .then((module: { prerender?: unknown }) => {
        if (typeof module.prerender !== 'function') throw new Error('it exports no prerender');
        return module.prerender as Prerender;
      })
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        this.deps.log(
          `pre-render off: no usable SSR bundle in ${this.deps.settings.ssrDir} (${reason}); run "npm run build"`,
        );
        return null;
      });
    return this.entry;
  }

  /** The pre-rendered page for a GET of the explorer, or null to serve the plain app. */
  async respond(c: Context<AppEnv>): Promise<Response | null> {
    if (c.req.method !== 'GET' || c.req.path !== '/') return null;
    if (c.req.header(NO_PRERENDER_HEADER)?.toLowerCase() === 'off') return null;
    const [prerender, index] = await Promise.all([this.load(), this.deps.staticFiles.indexHtml()]);
    if (!prerender || !index?.includes(ROOT_ELEMENT)) return null;
    const started = performance.now();
    const url = new URL(c.req.url);
    const viewer = viewerOf(c);
    // A masked page carries masked data only (issue #15, finding 9): its rows, and the reply
    // it embeds for the app, which anyone can read with view-source or JavaScript off. A
    // masked-only viewer's page is masked whatever the link says: sent to the address that
    // says so, which the app then hydrates as it is (its URL and the markup agree).
    // Read by the same schema as the page's own render (`mask=yes` fails closed: masked).
    const view = parseExplorerSearch(url.searchParams).state;
    const masked = view.masked;
    if (viewer.maskedOnly && !masked) {
      c.header('Cache-Control', 'no-store');
      return c.redirect(`${url.pathname}${withMask(url.search)}`, 302);
    }
    let upstreamCalls = 0;
    const loadList = async (apiQuery: string): Promise<unknown> => {
      // The same query and the same answer as /api/sessions: the index when it covers the
      // window (the browser asks for 500 rows), else Plivo's first 20.
      const parsed = parseSessionQuery(new URLSearchParams(apiQuery).entries());
      if (!parsed.ok) return null;
      const { query } = parsed;
      const decision = await this.deps.index?.list(query);
      if (decision?.by === 'refused') return null;
      let page = decision?.by === 'index' ? decision.page : null;
      if (!page) {
        const result = await this.deps.service.list(query.filters, false);
        upstreamCalls += result.upstreamCalls;
        c.set('cache', result.cache);
        if (!result.outcome.ok) return null;
        page = result.outcome.value;
      }
      // The page shows a recipient's sessions as /api/sessions would: the same audit line.
      if ((query.filters.recipient || query.index.recipient_contains) && this.deps.audit) {
        await this.deps.audit.record({
          user: viewer.user,
          action: 'lookup',
          filters: this.deps.audit.filters(query.filters, query.index),
          rows: page.sessions.length,
        });
      }
      return masked ? maskedPage(page) : page;
    };
    const rendering = prerender({
      url: url.pathname + url.search,
      origin: url.origin,
      viewerZone: viewerZoneOf(c),
      storedTheme: getCookie(c, THEME_COOKIE) ?? null,
      server: this.deps.server(),
      nowMs: Date.now(),
      loadList,
      renders: this.renders,
    }).catch((error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.deps.log(
        `pre-render failed, serving the plain app: ${withoutLongNumbers(message.slice(0, 300))}`,
      );
      return null;
    });
    const result = await withDeadline(rendering, this.deps.settings.waitMs);
    c.set('upstreamCalls', upstreamCalls);
    if (!result) return null;
    c.header('Server-Timing', `prerender;dur=${(performance.now() - started).toFixed(1)}`);
    const theme = pageTheme(url.searchParams.get('theme'), getCookie(c, THEME_COOKIE));
    const report = view.view === 'report';
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    return send(c, this.assemble(index, result, { theme, report }, encoding), encoding);
  }

  /** The page for a render, assembled and compressed once per look and encoding. */
  private assemble(
    index: string,
    result: PrerenderResult,
    look: { theme: string | null; report: boolean },
    encoding: Encoding,
  ): Promise<Assembled> {
    return this.pages.get(result, `${look.theme}|${look.report}|${encoding}|${index}`, () => {
      const { html, styleHash } = prerenderedDocument(index, result, look);
      const bytes = Buffer.from(html);
      // Fast settings: a page is compressed when first asked for, unlike the static files.
      const page = compress(bytes, encoding, 'fast').then((body) => ({ body, styleHash }));
      return { page, bytes: bytes.length };
    });
  }
}

/**
 * The zone the browser reported (a cookie it sets), if Intl knows it; kept as given, as
 * Node's Intl would rename some zones to retired names (Asia/Calcutta).
 */
function viewerZoneOf(c: Context<AppEnv>): string {
  const zone = getCookie(c, VIEWER_ZONE_COOKIE) ?? '';
  return zone !== 'utc' && zone !== 'local' && isValidTimeZone(zone) ? zone : 'UTC';
}

/** The query with `mask=1` in place of any `mask`, every other byte as it was. */
export function withMask(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && decodeName(part) !== 'mask');
  return `?${[...kept, 'mask=1'].join('&')}`;
}

function decodeName(part: string): string {
  const name = part.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function withDeadline<T>(work: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

type Encoding = ReturnType<typeof chooseEncoding>;
type Assembled = { body: Buffer; styleHash: string | null };
async function send(c: Context<AppEnv>, page: Promise<Assembled>, encoding: Encoding) {
  const { body, styleHash } = await page;
  if (styleHash) c.set('styleHash', styleHash);
  c.header('Content-Type', 'text/html; charset=utf-8');
  // The page carries phone numbers, like an /api reply: never kept, never shared.
  c.header('Cache-Control', 'private, no-store');
  c.header('Vary', 'Accept-Encoding, Cookie');
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  return c.body(new Uint8Array(body), 200);
}
