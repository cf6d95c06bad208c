import type { QueryClient } from '@tanstack/react-query';
import {
  bootApiQuery,
  PRERENDER_BOOT_ID,
  VIEWER_ZONE_COOKIE,
  type PrerenderBoot,
  type RenderEnvironment,
} from '../../contract/prerender.ts';
import { seedFirstPage } from '../features/sessions/api/seed-first-page.ts';
import { toApiParams, windowEnd } from '../lib/api-params.ts';
import { browserTimeZone } from '../lib/time-zone.ts';
import { explorerListQuery } from './prefetch-explorer.ts';

/**
 * The server's pre-render data, if the page has it and it parses. Read once and removed: an
 * unmasked page's data holds full numbers (a masked page's is masked by the server).
 */
function readBoot(doc: Document): PrerenderBoot | null {
  const element = doc.getElementById(PRERENDER_BOOT_ID);
  const text = element?.textContent;
  element?.remove();
  if (!text) return null;
  try {
    const boot = JSON.parse(text) as Partial<PrerenderBoot> | null;
    if (typeof boot?.apiQuery !== 'string') return null;
    if (typeof boot.endMs !== 'number' || typeof boot.fetchedAt !== 'number') return null;
    if (!isEnvironment(boot.environment)) return null;
    return boot as PrerenderBoot;
  } catch {
    return null;
  }
}

function isEnvironment(value: unknown): value is RenderEnvironment {
  if (typeof value !== 'object' || value === null) return false;
  const { viewerZone, storedTheme, server, origin } = value as Partial<RenderEnvironment>;
  return (
    typeof viewerZone === 'string' &&
    (storedTheme === null || typeof storedTheme === 'string') &&
    (origin === null || typeof origin === 'string') &&
    (server === null ||
      (typeof server === 'object' &&
        (server?.mode === 'simulator' || server?.mode === 'plivo') &&
        typeof server.indexed === 'boolean'))
  );
}

/**
 * How far apart this browser's and the server's ends of a relative window may be (both are
 * rounded up to a whole minute, so clocks up to about two minutes apart still agree).
 */
const CLOCK_TOLERANCE_MS = 60_000;

/**
 * Starts the app from the data the server pre-rendered the page with (decision 0004), when it
 * answers exactly the query this page would make: then the environment the server rendered
 * with, for the app to hydrate the page with; else null (the app renders afresh). The list
 * renders at once, without asking `/api` again. For a relative window ("last hour") a
 * browser whose clock disagrees with the server's asks itself, so the window means what it
 * means on this machine.
 */
export function seedFromPrerender(
  client: QueryClient,
  doc: Document,
  at: Pick<Location, 'pathname' | 'search'>,
  nowMs: number = Date.now(),
): RenderEnvironment | null {
  const boot = readBoot(doc);
  const query = explorerListQuery(at.pathname, at.search);
  if (!boot || !query) return null;
  const own = bootApiQuery(toApiParams(query, boot.endMs, 0).toString(), boot.body);
  if (own !== boot.apiQuery) return null;
  const relative = query.time.kind === 'range';
  if (relative && Math.abs(windowEnd(nowMs) - boot.endMs) > CLOCK_TOLERANCE_MS) return null;
  return seedFirstPage(client, query, boot) ? boot.environment : null;
}

/** Tells the server which zone "local" is here, for the next pre-render (a cookie, a year). */
export function reportViewerZone(doc: Document): void {
  const value = encodeURIComponent(browserTimeZone());
  if (doc.cookie.split('; ').includes(`${VIEWER_ZONE_COOKIE}=${value}`)) return;
  // Lax, not Strict: a link opened from a ticket on another site must carry it too.
  doc.cookie = `${VIEWER_ZONE_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
}
