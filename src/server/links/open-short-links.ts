import type { ServerConfig } from '../config/config.ts';
import type { Database } from '../db/postgres.ts';
import type { LinkStore } from './link-store.ts';
import { PgLinkStore } from './pg-link-store.ts';
import { ShortLinks } from './short-links.ts';
import { openSqliteLinkStore } from './sqlite-link-store.ts';

/**
 * Start-up of short links. Whatever goes wrong — DATA_DIR not writable, a full disk, another
 * server holding the file — the dashboard still starts: `POST /api/links` then answers 503
 * with the reason (the app falls back to the long link and says why), `/l/<id>` a page.
 */
export type LinkParts = {
  links: ShortLinks | null;
  /** Why short links are off; null when they are on. */
  offReason: string | null;
  /** One line for the start-up report. */
  summary: string;
  close(): Promise<void>;
};

export function openShortLinks(
  settings: ServerConfig['links'],
  log: (line: string) => void,
  now: () => number = Date.now,
  /** DATABASE_URL's database: replicas share their links there, not in DATA_DIR. */
  shared: Database | null = null,
): LinkParts {
  if (!settings) {
    return off('SHORT_LINKS=off', 'Short links: off (SHORT_LINKS=off).');
  }
  if (shared) {
    return running(new PgLinkStore(shared), settings.ttlDays, `at ${shared.where}`, log, now);
  }
  const opened = openSqliteLinkStore(settings.dataDir, now);
  if (!opened.ok) {
    return off(opened.reason, `Short links: NOT available — ${opened.reason}.`);
  }
  for (const note of opened.notes) log(`Short links: ${note}`);
  return running(opened.store, settings.ttlDays, `in ${settings.dataDir}`, log, now);
}

/** Short links over a store already opened (the embedded one above, or a shared one). */
export function running(
  store: LinkStore,
  ttlDays: number | null,
  where: string,
  log: (line: string) => void,
  now: () => number = Date.now,
): LinkParts {
  const links = new ShortLinks(store, ttlDays, now);
  links.startSweeps(log);
  const expiry = ttlDays === null ? 'never expire' : `expire after ${ttlDays} days`;
  return {
    links,
    offReason: null,
    summary: `Short links: on (${store.engine} ${where}); links ${expiry}.`,
    close: () => links.close(),
  };
}

function off(reason: string, summary: string): LinkParts {
  return { links: null, offReason: reason, summary, close: async () => {} };
}
