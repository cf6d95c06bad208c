import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import { apiErrorBody } from '../contract/api.ts';
import type { AppEnv } from './app-env.ts';
import type { AccessControl } from './config.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

const REALM = 'Basic realm="OTP sessions dashboard", charset="UTF-8"';

/**
 * Who may use the dashboard: anyone who can reach it (default, loopback only), users with a
 * password (HTTP Basic, scrypt hashes from DASHBOARD_USERS), or whoever a company login
 * proxy vouches for in a trusted header (TRUST_IDENTITY_HEADER, e.g. oauth2-proxy's
 * X-Forwarded-Email). Applies to the app and the API alike.
 */
export function accessControl(access: AccessControl): MiddlewareHandler<AppEnv> {
  if (access.kind === 'none') return async (_c, next) => next();
  if (access.kind === 'header') {
    return async (c, next) => {
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
    if (await check(c.req.header('authorization'))) return next();
    c.header('WWW-Authenticate', REALM);
    return denied(c, 'Sign-in required: enter your dashboard user name and password.');
  };
}

function basicChecker(users: readonly { name: string; hash: string }[]) {
  const byName = new Map(users.map((u) => [u.name, u.hash]));
  // scrypt is slow on purpose; a browser sends the same header with every request, so a
  // verified header is remembered briefly (by digest, never in clear).
  const verified = new LRUCache<string, true>({ max: 1000, ttl: 10 * 60_000 });
  const decoy = hashPassword('decoy password for unknown users');
  return async (header: string | undefined): Promise<boolean> => {
    const match = /^Basic ([A-Za-z0-9+/=]{1,1000})$/i.exec(header?.trim() ?? '');
    if (!match?.[1]) return false;
    const digest = createHash('sha256').update(match[1]).digest('base64');
    if (verified.has(digest)) return true;
    const text = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 1) return false;
    const hash = byName.get(text.slice(0, colon));
    // Unknown users cost the same scrypt as known ones: timing does not reveal user names.
    const ok = await verifyPassword(text.slice(colon + 1), hash ?? (await decoy));
    if (ok && hash) verified.set(digest, true);
    return ok && Boolean(hash);
  };
}

function denied(c: Context<AppEnv>, message: string): Response {
  c.set('route', 'denied');
  c.header('Cache-Control', 'no-store');
  if (c.req.path.startsWith('/api/')) return c.json(apiErrorBody('unauthorised', message), 401);
  return c.text(message, 401);
}
