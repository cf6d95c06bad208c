import type { Budget } from '../upstream/budget.ts';
import type { ServerConfig } from '../config/config.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';
import { pgLeadership } from '../db/pg-leader.ts';
import type { Database } from '../db/postgres.ts';
import { IndexAnswers } from './index-answers.ts';
import { PgStore } from './pg-store.ts';
import { SessionIndex } from './session-index.ts';
import { asyncSqliteStore } from './sqlite-async.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { SessionStore } from './store.ts';
import { SyncFetcher } from './sync-fetch.ts';
import { SubaccountAttribution } from './subaccount-attribution.ts';
import { SyncLoop } from './sync-loop.ts';

/**
 * Start-up of the session index. Whatever goes wrong here — DATA_DIR not writable, a full
 * disk, another server holding the file — the dashboard still starts, as a pure proxy,
 * and `/api/index` says why. A damaged file is moved aside and rebuilt.
 */
export type IndexParts = {
  answers: IndexAnswers;
  loop: SyncLoop | null;
  /** One line for the start-up report. */
  summary: string;
  close(): Promise<void>;
};

type IndexDeps = {
  client: UpstreamClient;
  listBudget: Budget;
  /** The upstream's clock in ms. */
  now: () => number;
  /** The Auth ID the server signs in with: an `SA…` id owns every session it sees. */
  authId: string;
  log: (line: string) => void;
  onExchange?: (reachable: boolean) => void;
  /** DATABASE_URL: the shared store, and the URL for the sync lead's own connection. */
  shared?: { db: Database; url: string } | undefined;
};

export async function openIndex(
  settings: ServerConfig['index'],
  deps: IndexDeps,
): Promise<IndexParts> {
  const off = (reason: string, summary: string): IndexParts => ({
    answers: new IndexAnswers({
      index: null,
      loop: null,
      offReason: reason,
      now: deps.now,
      retentionDays: 400,
    }),
    loop: null,
    summary,
    close: async () => {},
  });
  if (!settings)
    return off('INDEX=off', 'Session index: off (INDEX=off); every query goes to the upstream.');
  let store: SessionStore;
  let where: string;
  if (deps.shared) {
    store = new PgStore(deps.shared.db);
    where = `PostgreSQL ${deps.shared.db.where}`;
  } else {
    const opened = openSqliteStore(settings.dataDir);
    for (const note of opened.notes) deps.log(`Session index: ${note}`);
    if (!opened.ok) {
      const reason = `the index cannot be used: ${opened.reason}`;
      return off(reason, `Session index: NOT running — ${opened.reason}. Serving as a pure proxy.`);
    }
    store = asyncSqliteStore(opened.store);
    where = settings.dataDir;
  }
  const started = Date.now();
  const index = await SessionIndex.open(store);
  const fetcher = new SyncFetcher(
    deps.client,
    deps.listBudget,
    { share: settings.budgetShare, windowMs: deps.listBudget.windowMs },
    deps.onExchange,
  );
  const attribution = new SubaccountAttribution(index, deps.client, deps.authId);
  const loop = new SyncLoop({
    index,
    fetcher,
    now: deps.now,
    retentionDays: settings.retentionDays,
    attribution,
    log: deps.log,
    ...(deps.shared ? { leadership: pgLeadership(deps.shared.url) } : {}),
  });
  await loop.restore();
  await attribution.restore();
  const answers = new IndexAnswers({
    index,
    loop,
    offReason: null,
    now: deps.now,
    retentionDays: settings.retentionDays,
  });
  const share = Math.round(settings.budgetShare * 100);
  return {
    answers,
    loop,
    summary: `Session index: ${index.sessions} sessions in ${where} (loaded in ${Date.now() - started} ms); syncing with up to ${share} % of the list budget, keeping ${settings.retentionDays} days.`,
    close: async () => {
      await loop.stop();
      await store.close();
    },
  };
}
