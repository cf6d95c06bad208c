import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { sessionsPageSchema, type SessionsPage } from '../src/contract/api.ts';

/**
 * Issue 7's pieces are not mounted in the explorer yet, so these specs build
 * e2e/incident-harness.html (the pieces wired on a small page, as the explorer will wire
 * them) once per worker and serve it on the dashboard server's own origin through request
 * routing: the page calls the real `/api` of the server under test (simulator data), and
 * nothing is added to the server or the production bundle.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE = '/__incident/';
let built: Promise<string> | null = null;

/**
 * The e2e simulator's clock is fixed at 2026-11-20T12:00:00Z. The same absolute window as
 * the explorer specs, so the server's cache answers and the suite stays inside Plivo's
 * 20 list calls a minute.
 */
export const SIM_NOW = '2026-11-20T12:00:00Z';
export const WINDOW = 'from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z';

function buildHarness(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'incident-harness-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    await build({
      configFile: false,
      root: ROOT,
      base: BASE,
      logLevel: 'warn',
      plugins: [react()],
      build: {
        outDir,
        emptyOutDir: true,
        sourcemap: false,
        rollupOptions: { input: join(ROOT, 'e2e/incident-harness.html') },
      },
    });
    return outDir;
  })();
  return built;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export async function openHarness(page: Page, search: string): Promise<void> {
  const outDir = await buildHarness();
  await page.route(`**${BASE}**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice(BASE.length);
    try {
      const body = readFileSync(join(outDir, path));
      return route.fulfill({
        body,
        contentType: TYPES[extname(path)] ?? 'application/octet-stream',
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not in the harness build' });
    }
  });
  await page.goto(harnessUrl(search));
}

export function harnessUrl(search: string): string {
  return `${BASE}e2e/incident-harness.html${search ? `?${search}` : ''}`;
}

export const sessionRows = (page: Page) =>
  page.getByRole('table', { name: 'Sessions' }).locator('tbody tr');

/** The unmasked sessions of an absolute window, straight from the server's `/api`. */
export async function apiSessions(
  page: Page,
  from: string,
  to: string,
): Promise<SessionsPage['sessions']> {
  const plivo = (iso: string) => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
  const query = new URLSearchParams({
    session_time__gte: plivo(from),
    session_time__lte: plivo(to),
  });
  const response = await page.request.get(`/api/sessions?${query}`);
  if (!response.ok()) throw new Error(`/api/sessions answered ${response.status()}`);
  return sessionsPageSchema.parse(await response.json()).sessions;
}

export async function downloadFrom(
  page: Page,
  format: 'CSV' | 'JSON',
  rows: 'session' | 'attempt',
) {
  const summary = page.getByText('Export', { exact: true });
  if ((await summary.locator('..').getAttribute('open')) === null) await summary.click();
  await page.getByRole('radio', { name: format, exact: true }).check();
  await page.getByRole('radio', { name: `One row per ${rows}` }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: new RegExp(`^Download \\d+ sessions? as ${format}$`) })
      .click(),
  ]);
  return { name: download.suggestedFilename(), text: await readDownload(download) };
}

async function readDownload(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

/** Moves the in-process simulator's clock (the e2e server has its test controls on). */
export async function setSimulatorClock(
  page: Page,
  body: { advanceSeconds: number } | { now: string },
): Promise<void> {
  const response = await page.request.post('/__sim/clock', { data: body });
  if (!response.ok()) throw new Error(`/__sim/clock answered ${response.status()}`);
}
