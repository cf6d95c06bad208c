import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { PRERENDER_BOOT_ID, type PrerenderBoot } from '../../contract/prerender.ts';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';
import { startDashboard, type TestDashboard } from './harness.ts';

/**
 * For the pre-render's tests: the real SSR bundle, built with the project's Vite config as
 * `npm run build` builds it, beside a minimal index.html, in a temporary directory.
 */
export const INDEX = `<!doctype html><html lang="en"><head><title>OTP sessions</title>
<script type="module" crossorigin src="/assets/index-test.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index-test.css"></head>
<body><div id="root"></div></body></html>`;
export const WINDOW = 'from=2023-06-30T00:00:00Z&to=2023-07-01T00:00:00Z';

export type PrerenderDirs = { dir: string; web: string; remove: () => void };

export async function buildPrerenderDirs(): Promise<PrerenderDirs> {
  const dir = mkdtempSync(join(tmpdir(), 'prerender-test-'));
  // Vitest's NODE_ENV=test would make the build pick React's development JSX runtime.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      build: { ssr: true, outDir: join(dir, 'ssr'), emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web/index.html'), INDEX);
  return {
    dir,
    web: join(dir, 'web'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The data element of a pre-rendered page. */
export function bootOf(html: string): PrerenderBoot {
  const match = new RegExp(
    `<script type="application/json" id="${PRERENDER_BOOT_ID}">([^<]*)</script>`,
  ).exec(html);
  if (!match?.[1]) throw new Error('the page has no pre-render data');
  return JSON.parse(match[1]) as PrerenderBoot;
}

export type PrerenderServer = {
  readonly dirs: PrerenderDirs;
  readonly upstream: FakeUpstream;
  readonly dash: TestDashboard;
  /** GET `/?query` from the dashboard: the reply and its HTML. */
  page(query: string, headers?: Record<string, string>): Promise<{ reply: Response; html: string }>;
};

/**
 * The suite's dashboard, on the built SSR bundle and a fake Plivo answering every list call
 * with `listReply()`; each test starts with an empty server cache and that answer restored.
 */
export function prerenderServer(
  listReply: () => unknown,
  env: Record<string, string> = {},
): PrerenderServer {
  let dirs: PrerenderDirs | undefined;
  let upstream: FakeUpstream | undefined;
  let dash: TestDashboard | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the pre-render server is not started yet');
    return value;
  };
  beforeAll(async () => {
    dirs = await buildPrerenderDirs();
    upstream = await startFakeUpstream(() => ({ json: listReply() }));
    dash = await startDashboard({ WEB_DIST_DIR: dirs.web, ...env }, upstream);
  }, 60_000);
  afterAll(async () => {
    await dash?.close();
    await upstream?.close();
    dirs?.remove();
  });
  beforeEach(() => {
    ready(dash).server.service.clear();
    ready(upstream).handle(() => ({ json: listReply() }));
  });
  return {
    get dirs() {
      return ready(dirs);
    },
    get upstream() {
      return ready(upstream);
    },
    get dash() {
      return ready(dash);
    },
    async page(query, headers = {}) {
      const reply = await fetch(`${ready(dash).url}/?${query}`, { headers });
      return { reply, html: await reply.text() };
    },
  };
}
