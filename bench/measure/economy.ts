import { waitInPage } from '../lib/page-wait.ts';
import type { Figure } from '../lib/report.ts';
import type { Browser } from '@playwright/test';
import { FIRST_ROW_PROBE } from '../lib/first-row-probe.ts';
import { httpGet, sleep } from '../lib/http.ts';
import type { Stack } from '../lib/stack.ts';

/**
 * Upstream economy: how many Plivo calls the dashboard spends. Counts come from the counting
 * proxy between the server and the simulator, never from the server's own report.
 */
export type DeepLinkEconomy = { upstreamCalls: number; apiPaths: string[] };

/** Opens one deep link in a fresh browser context and counts the upstream calls it caused. */
export async function measureDeepLinkCalls(
  browser: Browser,
  stack: Stack,
  deepLinkPath: string,
): Promise<DeepLinkEconomy> {
  const context = await browser.newContext();
  await context.addInitScript(FIRST_ROW_PROBE);
  const page = await context.newPage();
  const apiPaths: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) apiPaths.push(u.pathname + u.search);
  });
  try {
    stack.proxy.reset();
    await page.goto(stack.server.url + deepLinkPath);
    await waitInPage(page, 'window.__firstRowAt !== undefined');
    await page.waitForLoadState('networkidle');
    // Anything the page does a moment later (prefetch, charts) counts too.
    await sleep(1_500);
    const calls = stack.proxy.calls.filter((c) => c.kind !== 'other').length;
    return { upstreamCalls: calls, apiPaths };
  } finally {
    await context.close();
  }
}

export type CrowdEconomy = { clients: number; upstreamCalls: number; statuses: number[] };

/**
 * `clients` clients open the same link at the same moment: each sends the requests the deep
 * link made in the browser (the page, which the server pre-renders from the list, and any
 * `/api` list calls), all at once, against a server with a cold cache.
 */
export async function measureCrowd(
  stack: Stack,
  paths: readonly string[],
  clients: number,
): Promise<CrowdEconomy> {
  stack.proxy.reset();
  const replies = await Promise.all(
    Array.from({ length: clients }, () =>
      Promise.all(paths.map((p) => httpGet(stack.server.url + p, { timeoutMs: 30_000 }))),
    ),
  );
  const statuses = replies.flat().map((r) => r.status);
  const upstreamCalls = stack.proxy.calls.filter((c) => c.kind !== 'other').length;
  return { clients, upstreamCalls, statuses };
}

export function economyFigures(r: { one: DeepLinkEconomy; crowd: CrowdEconomy }): Figure[] {
  const group = 'upstream economy';
  const bad = r.crowd.statuses.filter((s) => s !== 200).length;
  return [
    {
      group,
      label: 'upstream calls, one deep link',
      value: r.one.upstreamCalls,
      unit: 'calls',
      note: `the page made ${r.one.apiPaths.length} /api call(s)`,
    },
    {
      group,
      label: `upstream calls, ${r.crowd.clients} clients at once`,
      value: r.crowd.upstreamCalls,
      unit: 'calls',
      target: { op: '==', value: 1 },
      note: `${r.crowd.statuses.length} replies, ${bad ? `${bad} not 200` : 'all 200'}; API-level clients, cold cache`,
    },
  ];
}
