import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import { apiErrorBody } from '../../contract/api.ts';
import { failureResponse } from '../http/api-errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { AccessControl } from '../config/config.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { SignInThrottle, type CheckOutcome } from './sign-in-throttle.ts';
import { clientAddress, peerAddress, type TrustedProxies } from './trusted-proxies.ts';

const REALM = 'Basic realm="OTP sessions dashboard", charset="UTF-8"';

/**
 * Who may use the dashboard: anyone who can reach it (default, loopback only), users with a
 * password (HTTP Basic, scrypt hashes from DASHBOARD_USERS), or whoever a company login
 * proxy vouches for in a trusted header (TRUST_IDENTITY_HEADER, e.g. oauth2-proxy's
 * X-Forwarded-Email). Applies to the app and the API alike.
 */
export function accessControl(
  access: AccessControl,
  proxies: TrustedProxies,
): MiddlewareHandler<AppEnv> {
  if (access.kind === 'none') return async (_c, next) => next();
  if (access.kind === 'header') {
    return async (c, next) => {
      // Anyone can write the header: it means something only when the login proxy sent it.
      if (!proxies.includes(peerAddress(c))) {
        return denied(
          c,
          `This dashboard is reached only through its login proxy: ${access.header} is not accepted from this address (see TRUSTED_PROXIES).`,
          403,
        );
      }
      const identity = c.req.header(access.header)?.trim();
      if (identity) return next();
      return denied(
        c,
        `Sign-in required: this dashboard is reached through the company login (no ${access.header} header).`,
      );
    };
  }
  const check = basicChecker(access.users);
  return async (c, next) => {
    const outcome = await check(c.req.header('authorization'), clientAddress(c, proxies));
    if ('retryAfterSeconds' in outcome) return throttled(c, outcome);
    if (outcome.ok) return next();
    c.header('WWW-Authenticate', REALM);
    return denied(c, 'Sign-in required: enter your dashboard user name and password.');
  };
}

function basicChecker(users: readonly { name: string; hash: string }[]) {
  const byName = new Map(users.map((u) => [u.name, u.hash]));
  // scrypt is slow on purpose; a browser sends the same header with every request, so a
  // verified header is remembered briefly (by digest, never in clear) and skips the throttle.
  const verified = new LRUCache<string, true>({ max: 1000, ttl: 10 * 60_000 });
  // A page load sends one header on many parallel requests (document, scripts, /api): they
  // share one check, so they neither pay scrypt twice nor crowd each other out of the slots.
  const checking = new Map<string, Promise<CheckOutcome>>();
  const throttle = new SignInThrottle();
  const decoy = hashPassword('decoy password for unknown users');
  const verify = async (credentials: string, address: string): Promise<CheckOutcome> => {
    const text = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 1) return { ok: false };
    const name = text.slice(0, colon);
    const hash = byName.get(name);
    return throttle.check(address, name.slice(0, 100), async () => {
      // Unknown users cost the same scrypt as known ones: timing does not reveal user names.
      const ok = await verifyPassword(text.slice(colon + 1), hash ?? (await decoy));
      return ok && Boolean(hash);
    });
  };
  return async (header: string | undefined, address: string): Promise<CheckOutcome> => {
    const match = /^Basic ([A-Za-z0-9+/=]{1,1000})$/i.exec(header?.trim() ?? '');
    if (!match?.[1]) return { ok: false };
    const digest = createHash('sha256').update(match[1]).digest('base64');
    if (verified.has(digest)) return { ok: true };
    let pending = checking.get(digest);
    if (!pending) {
      pending = verify(match[1], address).finally(() => checking.delete(digest));
      checking.set(digest, pending);
    }
    const outcome = await pending;
    if ('ok' in outcome && outcome.ok) verified.set(digest, true);
    return outcome;
  };
}

/** 401 asks for a sign-in; 403 says no sign-in would help (the request came the wrong way). */
function denied(c: Context<AppEnv>, message: string, status: 401 | 403 = 401): Response {
  c.set('route', status === 401 ? 'denied' : 'refused');
  c.header('Cache-Control', 'no-store');
  if (c.req.path.startsWith('/api/')) return c.json(apiErrorBody('unauthorised', message), status);
  return c.text(message, status);
}

function throttled(c: Context<AppEnv>, outcome: { retryAfterSeconds: number; reason: string }) {
  c.set('route', 'throttled');
  const { retryAfterSeconds, reason } = outcome;
  const message = `${reason} Try again in ${retryAfterSeconds} s.`;
  if (c.req.path.startsWith('/api/')) {
    return failureResponse(c, { code: 'rate_limited', message, retryAfterSeconds });
  }
  c.header('Retry-After', String(retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  return c.text(message, 429);
}
