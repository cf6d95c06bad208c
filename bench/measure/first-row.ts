import type { Browser, BrowserContext, Page } from '@playwright/test';
import { PRERENDER_BOOT_ID } from '../../src/contract/prerender.ts';
import { baselineHtml, FIRST_ROW_PROBE } from '../lib/first-row-probe.ts';
import { waitInPage } from '../lib/page-wait.ts';
import type { Figure } from '../lib/report.ts';
import { median, round } from '../lib/stats.ts';

type RunPair = { appMs: number[]; baselineMs: number[] };

export type FirstRowResult = {
  /** First visits: a new browser context (empty HTTP cache) per run. */
  cold: RunPair;
  /**
   * First visits of the baseline served with no headers at all (as measured until 2 Dec
   * 2026): kept beside the like-for-like baseline, so the difference stays visible.
   */
  bareMs: number[];
  /** The server's page headers the baseline was served with. */
  pageHeaders: string[];
  /** First visits: when the app answered input (its `app-interactive` mark), per run. */
  interactiveMs: number[];
  /** Repeat visits in one context: the app's hashed assets come from the HTTP cache. */
  warm: RunPair;
  apiPaths: string[];
  /** The `/api/sessions` reply the server pre-rendered the page from (null: not pre-rendered). */
  prerenderedFrom: string | null;
  appRowText: string;
};

const BASELINE_PATH = '/__bench/baseline';

type Timed = {
  ms: number;
  text: string;
  html: () => Promise<string>;
  headers: () => Promise<Record<string, string>>;
};

async function timeFirstRow(page: Page, url: string): Promise<Timed> {
  const response = await page.goto(url, { waitUntil: 'commit' });
  // Strings, not functions: the bench project is type-checked without the DOM library.
  await waitInPage(page, 'window.__firstRowAt !== undefined');
  const result = await page.evaluate<{ ms: number; text: string }>(
    '({ ms: window.__firstRowAt, text: window.__firstRowText || "" })',
  );
  // Let the page finish what it started (the app keeps loading after its first row) before
  // the next run navigates or opens a context, so no run pays for the one before it.
  await page.waitForLoadState('networkidle');
  await page.evaluate('new Promise((done) => requestIdleCallback(done, { timeout: 3000 }))');
  return {
    ...result,
    html: async () => (await response?.text()) ?? '',
    headers: async () => (await response?.allHeaders()) ?? {},
  };
}

/**
 * The headers the server sends with every page, for the baseline: it stands for a bare page
 * of the same server. They matter: `Cross-Origin-Opener-Policy` alone moves a page opened in
 * a fresh tab to a new browser process, about 130 ms here, which a baseline served without
 * it would not pay. Left out: the CSP (it admits the app's own inline script by its hash,
 * not the baseline's) and what belongs to one reply (length, encoding, timing, date).
 */
const PAGE_HEADERS = [
  'cache-control',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'permissions-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
];

type HeaderList = { name: string; value: string }[];

function baselineHeaders(appHeaders: Record<string, string>): HeaderList {
  return PAGE_HEADERS.filter((name) => appHeaders[name] !== undefined).map((name) => ({
    name,
    value: appHeaders[name]!,
  }));
}

/**
 * Serves the baseline HTML at a same-origin path by intercepting only that URL over CDP, so
 * the baseline's own `/api` call goes to the real server un-intercepted, like the app's.
 */
async function serveBaseline(
  context: BrowserContext,
  page: Page,
  apiPath: string,
  headers: HeaderList,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const body = Buffer.from(baselineHtml(apiPath)).toString('base64');
  cdp.on('Fetch.requestPaused', (event: { requestId: string }) => {
    void cdp.send('Fetch.fulfillRequest', {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: 'content-type', value: 'text/html; charset=utf-8' }, ...headers],
      body,
    });
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: `*${BASELINE_PATH}*` }] });
}

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(FIRST_ROW_PROBE);
  return { context, page: await context.newPage() };
}

/** One cold app load (new context: empty HTTP cache), returning the `/api` calls it made. */
async function appRun(browser: Browser, url: string) {
  const { context, page } = await freshPage(browser);
  const apiPaths: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/sessions')) apiPaths.push(u.pathname + u.search);
  });
  try {
    const { ms, text, html, headers } = await timeFirstRow(page, url);
    // The app marks when its handlers are in place (hydrated, or first rendered).
    await waitInPage(page, "performance.getEntriesByName('app-interactive').length > 0");
    const interactiveMs = await page.evaluate<number>(
      "performance.getEntriesByName('app-interactive')[0].startTime",
    );
    // A pre-rendered page makes no list call of its own: its HTML names the one it came from.
    const boot = new RegExp(`id="${PRERENDER_BOOT_ID}">([^<]*)<`).exec(await html())?.[1];
    const apiQuery = boot ? (JSON.parse(boot) as { apiQuery?: string }).apiQuery : undefined;
    return {
      ms,
      interactiveMs,
      text,
      apiPaths,
      prerenderedFrom: apiQuery === undefined ? null : `/api/sessions?${apiQuery}`,
      pageHeaders: baselineHeaders(await headers()),
    };
  } finally {
    await context.close();
  }
}

async function baselineRun(browser: Browser, origin: string, apiPath: string, headers: HeaderList) {
  const { context, page } = await freshPage(browser);
  try {
    await serveBaseline(context, page, apiPath, headers);
    return await timeFirstRow(page, `${origin}${BASELINE_PATH}`);
  } finally {
    await context.close();
  }
}

/** Repeat visits: one context each for app and baseline, so the HTTP cache is warm. */
async function warmRuns(
  browser: Browser,
  origin: string,
  deepLink: string,
  apiPath: string,
  headers: HeaderList,
  runs: number,
) {
  const app = await freshPage(browser);
  const base = await freshPage(browser);
  try {
    await serveBaseline(base.context, base.page, apiPath, headers);
    await timeFirstRow(app.page, origin + deepLink);
    await timeFirstRow(base.page, origin + BASELINE_PATH);
    const appMs: number[] = [];
    const baselineMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      appMs.push((await timeFirstRow(app.page, origin + deepLink)).ms);
      baselineMs.push((await timeFirstRow(base.page, origin + BASELINE_PATH)).ms);
    }
    return { appMs, baselineMs };
  } finally {
    await app.context.close();
    await base.context.close();
  }
}

/**
 * Navigation → first data row, app vs baseline, alternated so both see the same server state
 * (after the first call the `/api` reply is a cache hit for both). First visits (a new
 * browser context each: empty HTTP cache), then repeat visits (warm HTTP cache).
 */
export async function measureFirstRow(
  browser: Browser,
  origin: string,
  deepLinkPath: string,
  runs: number,
): Promise<FirstRowResult> {
  const first = await appRun(browser, origin + deepLinkPath);
  const apiPath = first.prerenderedFrom ?? first.apiPaths[0];
  if (!apiPath) throw new Error(`the deep link ${deepLinkPath} made no /api/sessions call`);
  const headers = first.pageHeaders;
  await baselineRun(browser, origin, apiPath, headers);
  const appMs: number[] = [];
  const interactiveMs: number[] = [];
  const baselineMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await appRun(browser, origin + deepLinkPath);
    appMs.push(run.ms);
    interactiveMs.push(run.interactiveMs);
    baselineMs.push((await baselineRun(browser, origin, apiPath, headers)).ms);
    bareMs.push((await baselineRun(browser, origin, apiPath, [])).ms);
  }
  const warm = await warmRuns(browser, origin, deepLinkPath, apiPath, headers, runs);
  return {
    cold: { appMs, baselineMs },
    bareMs,
    pageHeaders: headers.map((h) => h.name),
    interactiveMs,
    warm,
    apiPaths: first.apiPaths,
    prerenderedFrom: first.prerenderedFrom,
    appRowText: first.text,
  };
}

function pairFigures(group: string, visit: string, pair: RunPair): Figure[] {
  const app = round(median(pair.appMs));
  const base = round(median(pair.baselineMs));
  const runs = (v: number[]) => `${v.length} runs: ${v.map((x) => Math.round(x)).join(', ')}`;
  return [
    { group, label: `${visit}: app, median`, value: app, unit: 'ms', note: runs(pair.appMs) },
    {
      group,
      label: `${visit}: baseline page, median`,
      value: base,
      unit: 'ms',
      note: `${runs(pair.baselineMs)}; served with the server's page headers`,
    },
    {
      group,
      label: `${visit}: ratio app / baseline`,
      value: round(app / base, 2),
      unit: '×',
      target: { op: '<=', value: 1.3 },
    },
  ];
}

export function firstRowFigures(r: FirstRowResult): Figure[] {
  const group = 'first row (deep link)';
  const interactive = round(median(r.interactiveMs));
  const base = median(r.cold.baselineMs);
  return [
    ...pairFigures(group, 'first visit', r.cold),
    {
      group,
      label: 'first visit: ratio app / baseline served without headers',
      value: round(median(r.cold.appMs) / median(r.bareMs), 2),
      unit: '×',
      note: `baseline without ${r.pageHeaders.join(', ')}: ${r.bareMs.map((x) => Math.round(x)).join(', ')} ms (as measured until 2 Dec 2026)`,
    },
    {
      group,
      label: 'first visit: interactive, median',
      value: interactive,
      unit: 'ms',
      note: `${r.interactiveMs.length} runs: ${r.interactiveMs.map((x) => Math.round(x)).join(', ')}`,
    },
    {
      group,
      label: 'first visit: interactive / baseline first row',
      value: round(interactive / base, 2),
      unit: '×',
      target: { op: '<=', value: 1.6 },
    },
    ...pairFigures(group, 'repeat visit', r.warm),
  ];
}
