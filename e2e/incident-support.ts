import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sessionsPageSchema, type SessionsPage } from '../src/contract/api.ts';
import { parseExplorerSearch } from '../src/contract/explorer-view.ts';
import { normaliseListQuery, toApiParams } from '../src/web/lib/api-params.ts';

/** The e2e simulator's fixed clock (see support/start-test-server.ts). */
export const SIM_NOW = '2026-11-20T12:00:00Z';

/**
 * One page of `/api/sessions`, unmasked, asked exactly as the explorer asks (its own view
 * schema and request builder), so within the server's 30 s cache it costs no Plivo call.
 */
export async function apiPage(
  page: Page,
  filters: Record<string, string>,
  from: string,
  to: string | null,
  offset = 0,
): Promise<SessionsPage> {
  const { state } = parseExplorerSearch(
    new URLSearchParams({ ...filters, from, ...(to && { to }) }),
  );
  const query = toApiParams(
    normaliseListQuery(state.filters, state.time),
    Date.parse(SIM_NOW),
    offset,
  );
  const response = await page.request.get(`/api/sessions?${query}`);
  if (!response.ok()) throw new Error(`/api/sessions answered ${response.status()}`);
  return sessionsPageSchema.parse(await response.json());
}

/** Every full number (and its first eight digits) and every IP of these sessions. */
export function secretsOf(sessions: SessionsPage['sessions']): string[] {
  const phones = sessions.flatMap((s) => {
    const digits = s.recipient?.replace(/\D/g, '') ?? '';
    return digits ? [digits, digits.slice(0, 8)] : [];
  });
  const ips = sessions.flatMap((s) => (s.requestorIp ? [s.requestorIp] : []));
  return [...new Set([...phones, ...ips])];
}

/**
 * Everything a person or a script could read off the page: the title, the serialised DOM,
 * every attribute of every element and the live value of every form field (a controlled
 * input's value need not be in its attribute).
 */
export async function everythingOnPage(page: Page): Promise<string> {
  const live = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .flatMap((el) => [
        ...[...el.attributes].map((a) => a.value),
        el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : '',
      ])
      .join('\n'),
  );
  return `${await page.title()}\n${await page.content()}\n${live}\n${page.url()}`;
}

/** Opens the toolbar's Export menu and downloads one file. */
export async function downloadFrom(
  page: Page,
  format: 'CSV' | 'JSON',
  rows: 'session' | 'attempt',
) {
  const menu = page.locator('details.export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  await menu.getByRole('radio', { name: format, exact: true }).check();
  await menu.getByRole('radio', { name: `One row per ${rows}` }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu
      .getByRole('button', { name: new RegExp(`^Download \\d+ sessions? as ${format}$`) })
      .click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: readFileSync(await download.path(), 'utf8'),
  };
}

/** Moves the in-process simulator's clock (the e2e server has its test controls on). */
export async function setSimulatorClock(
  page: Page,
  body: { advanceSeconds: number } | { now: string },
): Promise<void> {
  const response = await page.request.post('/__sim/clock', { data: body });
  if (!response.ok()) throw new Error(`/__sim/clock answered ${response.status()}`);
}
