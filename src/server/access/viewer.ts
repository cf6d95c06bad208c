import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { AccessControl, ServerConfig } from '../config/config.ts';

/**
 * Who is asking, as access control let them in: the name for the audit trail and whether
 * they may only ever see masked data. Masked-only is enforced here, on the server: every
 * reply and pre-rendered page they get is masked, whatever the URL says.
 */
export type Viewer = { user: string; maskedOnly: boolean };

/** Masked-only by group, for TRUST_IDENTITY_HEADER: a login proxy's groups header. */
export type GroupPolicy = NonNullable<ServerConfig['viewerGroups']>;

const ANONYMOUS: Viewer = { user: 'anonymous', maskedOnly: false };

/** The viewer of a request; anonymous when no access control identified one. */
export function viewerOf(c: Context<AppEnv>): Viewer {
  return c.get('viewer') ?? ANONYMOUS;
}

/** Runs after access control: the credentials it checked are trusted here. */
export function identifyViewer(
  access: AccessControl,
  groups: GroupPolicy | null,
): MiddlewareHandler<AppEnv> {
  const maskedUsers = new Set(
    access.kind === 'basic' ? access.users.filter((u) => u.maskedOnly).map((u) => u.name) : [],
  );
  return async (c, next) => {
    if (access.kind === 'basic') {
      const user = basicUserName(c.req.header('authorization')) ?? ANONYMOUS.user;
      c.set('viewer', { user, maskedOnly: maskedUsers.has(user) });
    } else if (access.kind === 'header') {
      const user = c.req.header(access.header)?.trim() || ANONYMOUS.user;
      c.set('viewer', {
        user,
        maskedOnly: groups ? inMaskedGroup(c.req.header(groups.header), groups) : false,
      });
    } else c.set('viewer', ANONYMOUS);
    return next();
  };
}

function basicUserName(header: string | undefined): string | null {
  const match = /^Basic ([A-Za-z0-9+/=]{1,1000})$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? text.slice(0, colon) : null;
}

/**
 * Fails closed: with a groups header configured, a request that carries none, or an empty one
 * (a proxy not passing groups, a user in no group), is treated as masked-only.
 */
function inMaskedGroup(value: string | undefined, policy: GroupPolicy): boolean {
  const groups = (value ?? '').split(/[,\s]+/).filter(Boolean);
  return groups.length === 0 || groups.some((g) => policy.maskedGroups.has(g));
}
