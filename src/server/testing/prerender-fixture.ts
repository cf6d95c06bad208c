import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { PRERENDER_BOOT_ID, type PrerenderBoot } from '../../contract/prerender.ts';

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
