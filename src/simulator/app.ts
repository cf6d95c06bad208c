import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Account } from './catalog.ts';
import {
  MALFORMED_BODY,
  STATUS_TEXT,
  slowBody,
  truncatedBody,
  type FaultState,
  type Route,
} from './faults.ts';

/**
 * The HTTP face of the simulator: Plivo's paths, auth, errors and limits. Handlers for the
 * two Verify calls are passed in (see `verify-routes.ts`); this file owns everything that
 * wraps them. Every reply is JSON with a fresh `api_id`.
 */
export type Env = {
  Variables: { account: number };
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse };
};
export type AppContext = Context<Env>;

export type AppDeps = {
  accounts: readonly Account[];
  faults: FaultState;
  takeListBudget: (authId: string) => boolean;
  apiId: () => string;
  list: (c: AppContext) => Response;
  retrieve: (c: AppContext) => Response;
  controls: Hono<Env> | null;
};

export const SESSION_PATH = '/v1/Account/:authId/Verify/Session';

/** Plivo's Subaccount list: the session index asks it which subaccounts a parent has. */
const SUBACCOUNT_PATH = '/v1/Account/:authId/Subaccount';

function subaccountList(accounts: readonly Account[], c: AppContext, apiId: string) {
  // Only the parent (account 0) has subaccounts; a subaccount sees none.
  const subs = c.get('account') === 0 ? accounts.slice(1) : [];
  return {
    api_id: apiId,
    meta: { limit: 20, offset: 0, next: null, previous: null, total_count: subs.length },
    objects: subs.map((a, i) => ({
      auth_id: a.authId,
      name: `Simulated subaccount ${i + 1}`,
      enabled: true,
      resource_uri: `/v1/Account/${accounts[0]?.authId ?? ''}/Subaccount/${a.authId}/`,
    })),
  };
}

export function errorReply(
  c: AppContext,
  apiId: string,
  status: ContentfulStatusCode,
  error: string,
) {
  return c.json({ api_id: apiId, error }, status);
}

export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>({ strict: false });
  const fail = (c: AppContext, status: ContentfulStatusCode, text?: string) =>
    errorReply(c, deps.apiId(), status, text ?? STATUS_TEXT[status] ?? 'error');
  const auth = authMiddleware(deps.accounts, fail);
  const rateLimit: MiddlewareHandler<Env> = async (c, next) => {
    if (!deps.takeListBudget(c.req.param('authId') ?? '')) return fail(c, 429);
    return next();
  };
  app.get(SESSION_PATH, faultMiddleware(deps.faults, 'list', fail), auth, rateLimit, deps.list);
  app.get(
    `${SESSION_PATH}/:uuid`,
    faultMiddleware(deps.faults, 'retrieve', fail),
    auth,
    deps.retrieve,
  );
  app.get(SUBACCOUNT_PATH, auth, (c) => c.json(subaccountList(deps.accounts, c, deps.apiId())));
  app.all(SESSION_PATH, (c) => fail(c, 405, 'method not allowed'));
  app.all(`${SESSION_PATH}/:uuid`, (c) => fail(c, 405, 'method not allowed'));
  if (deps.controls) app.route('/__sim', deps.controls);
  app.notFound((c) => fail(c, 404));
  // Never a stack trace on the wire.
  app.onError((_error, c) => fail(c, 500));
  return app;
}

type Fail = (c: AppContext, status: ContentfulStatusCode, text?: string) => Response;

function authMiddleware(accounts: readonly Account[], fail: Fail): MiddlewareHandler<Env> {
  return async (c, next) => {
    const credentials = parseBasic(c.req.header('authorization'));
    const account = credentials
      ? accounts.findIndex(
          (a) => a.authId === credentials.id && sameSecret(a.authToken, credentials.token),
        )
      : -1;
    if (account === -1 || credentials?.id !== c.req.param('authId')) return fail(c, 401);
    c.set('account', account);
    return next();
  };
}

function parseBasic(header: string | undefined): { id: string; token: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function faultMiddleware(faults: FaultState, route: Route, fail: Fail): MiddlewareHandler<Env> {
  return async (c, next) => {
    const { latencyMs, fault } = faults.take(route);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (!fault) return next();
    switch (fault.kind) {
      case 'status':
        return fail(c, fault.status as ContentfulStatusCode);
      case 'rate-limit':
        return fail(c, 429);
      case 'malformed':
        return c.body(MALFORMED_BODY, 200, { 'Content-Type': 'application/json' });
      case 'drop':
        return dropConnection(c);
    }
    await next();
    const { status } = c.res;
    const text = await c.res.text();
    // Unset first: assigning over a response makes Hono copy it, which would lose the marker
    // telling the Node adapter that the truncated reply was already written.
    c.res = undefined;
    c.res =
      fault.kind === 'truncated'
        ? truncate(c, status, text)
        : new Response(slowBody(text, fault.ms), { status, headers: JSON_TYPE });
  };
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/**
 * Announces the full length, sends half and closes the socket, so the client sees a body cut
 * short. In-process (no socket) the body stream fails half-way instead.
 */
function truncate(c: AppContext, status: number, text: string): Response {
  const outgoing = c.env?.outgoing;
  if (!outgoing) return new Response(truncatedBody(text), { status, headers: JSON_TYPE });
  const bytes = Buffer.from(text);
  outgoing.writeHead(status, { ...JSON_TYPE, 'Content-Length': String(bytes.length) });
  outgoing.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => outgoing.destroy());
  return RESPONSE_ALREADY_SENT;
}

/** Closes the socket without a reply; in-process (no socket) the body fails instead. */
function dropConnection(c: AppContext): Response {
  const socket = c.env?.incoming?.socket;
  if (socket) {
    socket.destroy();
    return RESPONSE_ALREADY_SENT;
  }
  return new Response(truncatedBody(''), { headers: JSON_TYPE });
}
