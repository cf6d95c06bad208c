import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { createApp } from './app.ts';
import { auditLogFor } from './audit-log.ts';
import { Budget } from './budget.ts';
import type { ServerConfig } from './config.ts';
import { Reachability } from './reachability.ts';
import type { LogLine } from './request-log.ts';
import { checkedHosts } from './security.ts';
import { PagePrerenderer } from './prerender-page.ts';
import { SessionsService } from './sessions-service.ts';
import { startupLines } from './startup-report.ts';
import { StaticFiles } from './static-files.ts';
import { createUpstreamClient, type UpstreamTarget } from './upstream-client.ts';
import { openIndex, type IndexParts } from './index/open-index.ts';

export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
})();

export type ServerOptions = {
  log?: LogLine;
  /** Tests only: a shorter budget window than Plivo's minute, to watch the queue drain. */
  budgetWindowMs?: number;
  /** Tests only: the budgets' clock, to step through a pause instead of waiting it out. */
  budgetClock?: () => number;
};

export type DashboardServer = {
  app: Hono<AppEnv>;
  service: SessionsService;
  budgets: { list: Budget; retrieve: Budget };
  staticFiles: StaticFiles;
  prerenderer: PagePrerenderer | null;
  index: IndexParts;
};

/** The app wired to one upstream, without listening: for tests and for startServer. */
export function createServer(
  config: ServerConfig,
  options: ServerOptions & {
    target: UpstreamTarget;
    simulatorUrl?: string;
    /** The upstream's clock (the simulator's own in simulator mode), ms. */
    upstreamNow?: () => number;
  },
): DashboardServer {
  const mode = config.upstream.mode;
  const client = createUpstreamClient(options.target, {
    timeoutMs: config.upstreamTimeoutMs,
    userAgent: `otp-sessions-dashboard/${VERSION}`,
  });
  const budgets = budgetsFor(config, options.budgetWindowMs, options.budgetClock);
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
  const index = openIndex(config.index, {
    client,
    listBudget: budgets.list,
    now: options.upstreamNow ?? Date.now,
    authId: options.target.authId,
    log,
    onExchange: (reachable) => reachability.record(reachable),
  });
  const audit = auditLogFor(config.audit, log);
  const prerenderer = config.prerender
    ? new PagePrerenderer({
        service,
        index: index.answers,
        staticFiles,
        settings: config.prerender,
        replyTtlMs: config.cacheTtlMs,
        log,
        audit,
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
    allowedHosts: checkedHosts(config),
    staticFiles,
    prerenderer,
    simControls:
      testControls && options.simulatorUrl
        ? simControlsFor(options.simulatorUrl, service, budgets)
        : null,
    log,
  });
  return { app, service, budgets, staticFiles, prerenderer, index };
}

function budgetsFor(
  config: ServerConfig,
  windowMs: number | undefined,
  now: (() => number) | undefined,
) {
  const { queueSize, maxWaitMs, listPerMinute, retrievePerMinute } = config.budget;
  const shared = { queueSize, maxWaitMs, windowMs, ...(now ? { now } : {}) };
  return {
    list: new Budget({ perWindow: listPerMinute, ...shared }),
    retrieve: new Budget({ perWindow: retrievePerMinute, ...shared }),
  };
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
  const dashboard = createServer(config, {
    ...options,
    target,
    log,
    upstreamNow,
    ...(simulator ? { simulatorUrl: simulator.url } : {}),
  });
  let server: ServerType;
  let address: AddressInfo;
  try {
    ({ server, address } = await listen(dashboard.app, config.host, config.port));
  } catch (error) {
    await dashboard.index.close();
    await simulator?.close();
    throw error;
  }
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/`;
  for (const line of startupLines(config, url, dashboard.staticFiles.root)) log(line);
  log(dashboard.index.summary);
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
