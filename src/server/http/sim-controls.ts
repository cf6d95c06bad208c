import type { Hono } from 'hono';
import { apiErrorBody } from '../../contract/api.ts';
import type { AppEnv } from './app-env.ts';

export type SimControlDeps = {
  simulatorUrl: string;
  /** Cached replies describe the simulator before the change: forget them. */
  onChange: (path: string, method: string) => void;
};

const CONTROL_PATH = /^\/__sim\/[a-z0-9-]{1,40}$/;
const MAX_BODY = 10 * 1024;

/**
 * Test mode only (simulator mode with SIM_TEST_CONTROLS=1): the simulator's `/__sim/*`
 * controls (faults, clock, rate-limit reset) reachable on the dashboard's own origin, so
 * browser tests can steer the in-process simulator. Never mounted with real credentials.
 */
export function mountSimControls(app: Hono<AppEnv>, deps: SimControlDeps): void {
  app.on(['GET', 'POST', 'DELETE'], '/__sim/*', async (c) => {
    c.set('route', '/__sim/*');
    const path = new URL(c.req.url).pathname;
    if (!CONTROL_PATH.test(path))
      return c.json(apiErrorBody('not_found', 'No such simulator control.'), 404);
    const body = c.req.method === 'POST' ? await c.req.text() : undefined;
    if (body !== undefined && body.length > MAX_BODY) {
      return c.json(apiErrorBody('bad_parameter', 'The control body is too large.'), 400);
    }
    const response = await fetch(new URL(path, deps.simulatorUrl), {
      method: c.req.method,
      ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
      signal: AbortSignal.timeout(5_000),
    });
    if (c.req.method !== 'GET' && response.ok) deps.onChange(path, c.req.method);
    c.header('Cache-Control', 'no-store');
    return c.body(await response.text(), response.status as 200, {
      'Content-Type': response.headers.get('content-type') ?? 'application/json',
    });
  });
}
