import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Env } from './app.ts';
import type { World } from './catalog.ts';
import { parseClockValue, type Clock } from './clock.ts';
import { faultSchema, type FaultState } from './faults.ts';
import type { Incident } from './generator.ts';
import type { RateLimiter } from './rate-limit.ts';

/**
 * Test-only controls under `/__sim/` (mounted only when test controls are enabled; 404
 * otherwise). JSON in, JSON out; a bad body gets 400 `{ "error": "…" }` naming the problem.
 *
 *   GET    /__sim/faults        → { faults: [{ fault, remaining }] }
 *   POST   /__sim/faults        one fault, e.g. { "kind": "status", "status": 503, "count": 2 }
 *   DELETE /__sim/faults        clears them all
 *   GET    /__sim/clock         → { now, fixed }
 *   POST   /__sim/clock         { "advanceSeconds": 600 } or { "now": "2026-11-27T10:00:00Z" }
 *   DELETE /__sim/rate-limit    forgets recent list requests (fresh budget for every account)
 *   GET    /__sim/info          accounts (auth ids only), apps and built-in incidents
 */
type ControlDeps = {
  faults: FaultState;
  clock: Clock;
  limiter: RateLimiter;
  world: World;
  incidents: readonly Incident[];
};

const clockSchema = z.union([
  z.strictObject({
    advanceSeconds: z
      .number()
      .finite()
      .min(0)
      .max(365 * 86_400),
  }),
  z.strictObject({ now: z.union([z.string(), z.number()]) }),
]);

async function readJson<T extends z.ZodType>(c: Context<Env>, schema: T) {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { error: 'the body must be JSON' } as const;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data } as const;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { error: `${where}${issue?.message ?? 'invalid body'}` } as const;
}

const iso = (us: number) => new Date(us / 1000).toISOString();

export function createControls(deps: ControlDeps): Hono<Env> {
  const controls = new Hono<Env>({ strict: false });
  const faultList = () => ({ faults: deps.faults.list() });
  controls.get('/faults', (c) => c.json(faultList()));
  controls.post('/faults', async (c) => {
    const body = await readJson(c, faultSchema);
    if ('error' in body) return c.json({ error: body.error }, 400);
    deps.faults.add(body.data);
    return c.json(faultList(), 201);
  });
  controls.delete('/faults', (c) => {
    deps.faults.clear();
    return c.json(faultList());
  });
  const clockReply = (c: Context<Env>) =>
    c.json({ now: iso(deps.clock.nowUs()), fixed: deps.clock.fixed() });
  controls.get('/clock', clockReply);
  controls.post('/clock', async (c) => {
    const body = await readJson(c, clockSchema);
    if ('error' in body) return c.json({ error: body.error }, 400);
    if ('advanceSeconds' in body.data) deps.clock.advance(body.data.advanceSeconds);
    else {
      const ms = parseClockValue(body.data.now);
      if (ms === null)
        return c.json({ error: 'now: must be an ISO time or epoch milliseconds' }, 400);
      deps.clock.set(ms);
    }
    return clockReply(c);
  });
  controls.delete('/rate-limit', (c) => {
    deps.limiter.reset();
    return c.json({ reset: true });
  });
  controls.get('/info', (c) =>
    c.json({
      accounts: [deps.world.parent, ...deps.world.subaccounts].map((a) => a.authId),
      apps: deps.world.apps.map((a) => ({ uuid: a.uuid, alias: a.alias, account: a.account })),
      incidents: deps.incidents.map((i) => ({ ...i, start: iso(i.startUs), end: iso(i.endUs) })),
    }),
  );
  return controls;
}
