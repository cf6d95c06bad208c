import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './http/app-env.ts';
import { createApp } from './http/app.ts';
import { auditLogFor } from './access/audit-log.ts';
import { Budget } from './upstream/budget.ts';
import type { ServerConfig } from './config/config.ts';
import { Reachability } from './upstream/reachability.ts';
import type { LogLine } from './http/request-log.ts';
import { checkedHosts } from './http/security.ts';
import { PagePrerenderer } from './prerender/prerender-page.ts';
import { SessionsService } from './upstream/sessions-service.ts';
import { startupLines } from './startup-report.ts';
import { StaticFiles } from './http/static-files.ts';
import { createUpstreamClient, type UpstreamTarget } from './upstream/upstream-client.ts';
import { openIndex, type IndexParts } from './index/open-index.ts';
import { openShortLinks, type LinkParts } from './links/open-short-links.ts';
import { pgSharedSlots, type SharedSlots } from './db/pg-budget.ts';
import { openDatabase, type Database } from './db/postgres.ts';

const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
})();

type ServerOptions = {
  log?: LogLine;
  /** Tests only: a shorter budget window than Plivo's minute, to watch the queue drain. */
  budgetWindowMs?: number;
  /** Tests only: the budgets' clock, to step through a pause instead of waiting it out. */
  budgetClock?: () => number;
};

type DashboardServer = {
  /** DATABASE_URL: the shared PostgreSQL; null on the embedded store. */
  database: Database | null;
  app: Hono<AppEnv>;
  service: SessionsService;
  budgets: { list: Budget; retrieve: Budget };
  staticFiles: StaticFiles;
  prerenderer: PagePrerenderer | null;
  index: IndexParts;
  links: LinkParts;
};

/** The app wired to one upstream, without listening: for tests and for startServer. */
export async function createServer(
  config: ServerConfig,
  options: ServerOptions & {
    target: UpstreamTarget;
    simulatorUrl?: string;
    /** The upstream's clock (the simulator's own in simulator mode), ms. */
    upstreamNow?: () => number;
    /** Opened from DATABASE_URL by startServer (connected and migrated). */
    database?: Database | null;
  },
): Promise<DashboardServer> {
  const database = options.database ?? null;
  const mode = config.upstream.mode;
  const client = createUpstreamClient(options.target, {
    timeoutMs: config.upstreamTimeoutMs,
    userAgent: `otp-sessions-dashboard/${VERSION}`,
  });
  const slots = database ? pgSharedSlots(database) : null;
  const budgets = budgetsFor(config, options.budgetWindowMs, options.budgetClock, slots);
  const reachability = new Reachability((ms) => client.probe(ms));
  const name = mode === 'plivo' ? 'Plivo' : 'The built-in simulator';
  const service = new SessionsService({
    client,
    naming: { name, host: client.host, mode },
    budgets,
    cache: { ttlMs: config.cacheTtlMs, maxEntries: config.cacheMaxEntries },
    onExchange: (reachable) => reachability.record(reachable),
  });
  const staticFiles = new StaticFiles(config.webDistDir);
  const log = options.log ?? ((line: string) => console.log(line));
  const index = await openIndex(config.index, {
    client,
    listBudget: budgets.list,
    now: options.upstreamNow ?? Date.now,
    authId: options.target.authId,
    log,
    onExchange: (reachable) => reachability.record(reachable),
    shared: database && config.databaseUrl ? { db: database, url: config.databaseUrl } : undefined,
  });
  const audit = auditLogFor(config.audit, log);
  const links = openShortLinks(config.links, log, Date.now, database);
  const prerenderer = config.prerender
    ? new PagePrerenderer({
        service,
        index: index.answers,
        staticFiles,
        settings: config.prerender,
        replyTtlMs: config.cacheTtlMs,
        log,
        audit,
        server: () => ({
          mode: config.upstream.mode,
          indexed: index.answers.status().state !== 'off',
        }),
      })
    : null;
  const testControls =
    config.upstream.mode === 'simulator' && config.upstream.simulator.testControls;
  const app = createApp({
    service,
    listBudget: budgets.list,
    reachability,
    index: index.answers,
    mode,
    version: VERSION,
    defaultCountry: config.defaultCountry,
    access: config.access,
    trustedProxies: config.trustedProxies,
    viewerGroups: config.viewerGroups,
    audit,
    links,
    database: database
      ? {
          reachable: () => databaseAnswers(database),
          syncing: () => index.loop?.isLeader ?? false,
        }
      : null,
    allowedHosts: checkedHosts(config),
    staticFiles,
    prerenderer,
    simControls:
      testControls && options.simulatorUrl
        ? simControlsFor(options.simulatorUrl, service, budgets)
        : null,
    log,
  });
  return { app, service, budgets, staticFiles, prerenderer, index, links, database };
}

function budgetsFor(
  config: ServerConfig,
  windowMs: number | undefined,
  now: (() => number) | undefined,
  slots: SharedSlots | null,
) {
  const { queueSize, maxWaitMs, listPerMinute, retrievePerMinute } = config.budget;
  const common = { queueSize, maxWaitMs, windowMs, ...(now ? { now } : {}) };
  const shared = (name: string) => (slots ? { shared: { slots, name } } : {});
  return {
    list: new Budget({ perWindow: listPerMinute, ...common, ...shared('list') }),
    retrieve: new Budget({ perWindow: retrievePerMinute, ...common, ...shared('retrieve') }),
  };
}

async function databaseAnswers(database: Database): Promise<boolean> {
  try {
    await database.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** After any change through the controls, cached replies are stale; a rate-limit reset
 * resets our budgets too, so tests can start from a full budget on both sides. */
function simControlsFor(
  simulatorUrl: string,
  service: SessionsService,
  budgets: Record<string, Budget>,
) {
  return {
    simulatorUrl,
    onChange: (path: string, method: string) => {
      service.clear();
      if (path === '/__sim/rate-limit' && method === 'DELETE') {
        for (const budget of Object.values(budgets)) budget.reset();
      }
    },
  };
}

export type RunningServer = DashboardServer & {
  url: string;
  mode: 'plivo' | 'simulator';
  close(): Promise<void>;
};

/** Starts the simulator when configured, then listens; resolves once accepting connections. */
export async function startServer(
  config: ServerConfig,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Before the simulator or the listener: a database that cannot be reached (or migrated)
  // stops the start with one sentence.
  const database = config.databaseUrl ? await openDatabase(config.databaseUrl, log) : null;
  let simulator: { url: string; close(): Promise<void> } | null = null;
  let target: UpstreamTarget;
  let upstreamNow: () => number = Date.now;
  if (config.upstream.mode === 'plivo') {
    const { apiUrl, authId, authToken } = config.upstream;
    target = { baseUrl: apiUrl, authId, authToken };
  } else {
    const { startSimulator } = await import('../simulator/simulator.ts');
    const running = await startSimulator({
      ...config.upstream.simulator,
      port: 0,
      host: '127.0.0.1',
    });
    simulator = running;
    target = { baseUrl: running.url, authId: running.authId, authToken: running.authToken };
    upstreamNow = () => running.simulator.clock.nowUs() / 1000;
  }
  let dashboard: DashboardServer;
  try {
    dashboard = await createServer(config, {
      ...options,
      target,
      log,
      upstreamNow,
      database,
      ...(simulator ? { simulatorUrl: simulator.url } : {}),
    });
  } catch (error) {
    await database?.close();
    await simulator?.close();
    throw error;
  }
  let server: ServerType;
  let address: AddressInfo;
  try {
    ({ server, address } = await listen(dashboard.app, config.host, config.port));
  } catch (error) {
    await dashboard.index.close();
    await dashboard.links.close();
    await database?.close();
    await simulator?.close();
    throw error;
  }
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/`;
  for (const line of startupLines(config, url, dashboard.staticFiles.root)) log(line);
  if (database) {
    log(
      `Replicas: the list budget, the session index and its sync are shared in PostgreSQL at ${database.where}.`,
    );
  }
  log(dashboard.index.summary);
  log(dashboard.links.summary);
  dashboard.index.loop?.start();
  void dashboard.staticFiles.warm();
  void dashboard.prerenderer?.load();
  return {
    ...dashboard,
    url,
    mode: config.upstream.mode,
    close: async () => {
      await closeServer(server);
      await dashboard.index.close();
      await dashboard.links.close();
      await database?.close();
      await simulator?.close();
    },
  };
}

function listen(
  app: Hono<AppEnv>,
  hostname: string,
  port: number,
): Promise<{ server: ServerType; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }, (info) =>
      resolve({ server, address: info }),
    );
    server.once('error', reject);
  });
}

/** Stops accepting, lets requests in progress finish (at most 10 s), then drops the rest. */
function closeServer(server: ServerType): Promise<void> {
  const http = server as Partial<Pick<Server, 'closeIdleConnections' | 'closeAllConnections'>>;
  return new Promise((resolve) => {
    // Keep-alive connections turn idle as their requests finish: close them as they do.
    const sweep = setInterval(() => http.closeIdleConnections?.(), 100);
    const force = setTimeout(() => http.closeAllConnections?.(), 10_000);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    http.closeIdleConnections?.();
  });
}
