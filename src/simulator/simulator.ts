import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp, type Env } from './app.ts';
import { createWorld, DEFAULT_PARENT, type Account, type World } from './catalog.ts';
import { createClock, parseClockValue, type Clock } from './clock.ts';
import { createControls } from './controls.ts';
import { createFaultState, type FaultState } from './faults.ts';
import { HOUR_US, type GenContext, type Incident } from './generator.ts';
import { createRng, hashString, mix } from './prng.ts';
import { createRateLimiter } from './rate-limit.ts';
import { DAY_US, createStore, type Store } from './store.ts';
import { listHandler, retrieveHandler } from './verify-routes.ts';

export type SimulatorOptions = {
  /** Parent account Auth ID, `MA` + 18 upper-case letters or digits. */
  authId?: string;
  authToken?: string;
  /** Any number or text; the same seed and clock give byte-identical replies. */
  seed?: number | string;
  /** Fixes the clock (ISO time or epoch ms); real time when omitted. */
  now?: string | number;
  sessionsPerDay?: number;
  /** Plivo allows 20; lower it in tests, never raise it by default. */
  listRateLimitPerMinute?: number;
  /** Length of the rolling rate-limit window; 60 000 unless a test shortens it. */
  listRateLimitWindowMs?: number;
  /** Enables the `/__sim/*` controls (faults, clock). Off by default. */
  testControls?: boolean;
  /** Build all 90 days at creation (default) rather than on first use. */
  prefill?: boolean;
};

export type Simulator = {
  app: Hono<Env>;
  authId: string;
  authToken: string;
  subaccounts: readonly Account[];
  world: World;
  clock: Clock;
  store: Store;
  faults: FaultState;
  incidents: readonly Incident[];
};

const AUTH_ID = /^MA[A-Z0-9]{18}$/;
const DEFAULT_SEED = 42;
const DEFAULT_SESSIONS_PER_DAY = 1500;

function seedNumber(seed: number | string | undefined): number {
  if (seed === undefined) return DEFAULT_SEED;
  if (typeof seed === 'number') return seed >>> 0;
  return /^\d{1,9}$/.test(seed.trim()) ? Number(seed) : hashString(seed);
}

/**
 * The built-in incident: on the UTC day before the simulator's start, from 10:20 to 11:00
 * UTC, every SMS to India (IN) on AirTel goes undelivered — voice fallbacks and expiries
 * pile up, so the charts have something to find.
 */
function builtInIncidents(startMs: number): Incident[] {
  const yesterdayUs = (Math.floor(startMs / 86_400_000) - 1) * DAY_US;
  const startUs = yesterdayUs + 10 * HOUR_US + 20 * 60_000_000;
  return [{ country: 'IN', carrier: 'AirTel', startUs, endUs: startUs + 40 * 60_000_000 }];
}

type Checked = {
  parent: Account;
  fixedMs: number | undefined;
  sessionsPerDay: number;
  perMinute: number;
};

/** Rejects bad options with a message naming the option, before anything is built. */
function checkOptions(options: SimulatorOptions): Checked {
  const parent: Account = {
    authId: options.authId ?? DEFAULT_PARENT.authId,
    authToken: options.authToken ?? DEFAULT_PARENT.authToken,
  };
  if (!AUTH_ID.test(parent.authId)) {
    throw new Error('authId must be MA followed by 18 upper-case letters or digits');
  }
  if (!parent.authToken) throw new Error('authToken must not be empty');
  const fixedMs = options.now === undefined ? undefined : parseClockValue(options.now);
  if (fixedMs === null) throw new Error('now must be an ISO time or epoch milliseconds');
  const sessionsPerDay = options.sessionsPerDay ?? DEFAULT_SESSIONS_PER_DAY;
  if (!Number.isInteger(sessionsPerDay) || sessionsPerDay < 0 || sessionsPerDay > 200_000) {
    throw new Error('sessionsPerDay must be a whole number from 0 to 200000');
  }
  const perMinute = options.listRateLimitPerMinute ?? 20;
  if (!Number.isInteger(perMinute) || perMinute < 1) {
    throw new Error('listRateLimitPerMinute must be a whole number of at least 1');
  }
  return { parent, fixedMs, sessionsPerDay, perMinute };
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const { parent, fixedMs, sessionsPerDay, perMinute } = checkOptions(options);
  const seed = seedNumber(options.seed);
  const clock = createClock(fixedMs);
  const world = createWorld(seed, parent);
  const incidents = builtInIncidents(clock.nowUs() / 1000);
  const ctx: GenContext = { seed, world, sessionsPerDay, incidents };
  const store = createStore(ctx);
  if (options.prefill !== false) store.prefill(clock.nowUs());
  const faults = createFaultState();
  const limiter = createRateLimiter(perMinute, options.listRateLimitWindowMs ?? 60_000);
  // api_ids come from their own seeded sequence: fresh on every reply, yet reproducible.
  const apiRng = createRng(mix(seed, hashString('api_id')));
  const routeDeps = { store, world, nowUs: clock.nowUs, apiId: () => apiRng.uuid() };
  const app = createApp({
    accounts: [world.parent, ...world.subaccounts],
    faults,
    takeListBudget: limiter.take,
    apiId: routeDeps.apiId,
    list: listHandler(routeDeps),
    retrieve: retrieveHandler(routeDeps),
    controls: options.testControls
      ? createControls({ faults, clock, limiter, world, incidents })
      : null,
  });
  return {
    app,
    authId: parent.authId,
    authToken: parent.authToken,
    subaccounts: world.subaccounts,
    world,
    clock,
    store,
    faults,
    incidents,
  };
}

export type RunningSimulator = {
  url: string;
  authId: string;
  authToken: string;
  subaccounts: readonly Account[];
  simulator: Simulator;
  close(): Promise<void>;
};

/** Starts the simulator on a loopback port (0 = any free port) and resolves once listening. */
export async function startSimulator(
  options: SimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningSimulator> {
  const simulator = createSimulator(options);
  const host = options.host ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const listening = serve(
        { fetch: simulator.app.fetch, port: options.port ?? 0, hostname: host },
        (info: AddressInfo) => resolve({ server: listening, port: info.port }),
      );
      listening.once('error', reject);
    },
  );
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    authId: simulator.authId,
    authToken: simulator.authToken,
    subaccounts: simulator.subaccounts,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
