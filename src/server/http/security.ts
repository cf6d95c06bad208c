import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { apiErrorBody } from '../../contract/api.ts';
import type { AppEnv } from './app-env.ts';
import type { ServerConfig } from '../config/config.ts';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * index.html's one inline script, which keeps input made on a pre-rendered page before the
 * app hydrates it (see src/web/app/early-input.ts), admitted by its hash. static-files.test.ts
 * fails, naming this constant, when the script changes.
 */
export const EARLY_INPUT_SCRIPT_HASH = 'sha256-WPvIj8+DOObFd43kFsUJbIea6zvkR7SUTxV67cE/APM=';

// Nothing else runs or styles inline: React and TanStack Virtual set styles through the CSSOM
// (element.style), which CSP does not restrict, so neither scripts nor styles need 'unsafe-inline'.
// The Playwright suite fails on any console error, CSP violations included.
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", `'${EARLY_INPUT_SCRIPT_HASH}'`],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
} satisfies SecureHeadersOptions['contentSecurityPolicy'];

/** The policy as sent (secure-headers writes `kebab-name source…`, joined by "; "). */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => [name.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`), ...sources])
  .map((words) => words.join(' '))
  .join('; ');

function cspWithStyleHash(sha256: string): string {
  return CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'sha256-${sha256}'`);
}

// Every header secure-headers would add by default and we did not choose is off, so the set is
// exactly ours: no HSTS (TLS ends at whatever proxy the deployment has, which owns that choice),
// no Origin-Agent-Cluster, and none of the legacy X-DNS-Prefetch-Control, X-Download-Options,
// X-Permitted-Cross-Domain-Policies or X-XSS-Protection.
const baseHeaders = secureHeaders({
  contentSecurityPolicy: CSP_DIRECTIVES,
  // Our URLs carry phone numbers: never send them to another site.
  referrerPolicy: 'no-referrer',
  xContentTypeOptions: 'nosniff',
  xFrameOptions: 'DENY',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  originAgentCluster: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  removePoweredBy: false,
});

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await baseHeaders(c, next);
    // A pre-rendered page's one stylesheet (its styles moved out of attributes, see
    // inline-styles.ts) is admitted by its hash, and nothing else inline is. Kept by hand:
    // secure-headers resolves its per-request CSP callbacks *before* the handler runs, and the
    // hash is only known once the page has been rendered (c.get('styleHash') is set inside next()).
    const hash = c.get('styleHash');
    if (hash) c.res.headers.set('Content-Security-Policy', cspWithStyleHash(hash));
  };
}

const MAX_TARGET_LENGTH = 8192;
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

/**
 * Refuses request targets no page of ours produces, before any routing: absolute URLs (the
 * server is not a forward proxy), dot segments (`/api/../v1/…` is normalised away by URL
 * parsing, so it is checked on the raw target), encoded dots, doubled slashes, backslashes
 * and control characters, and very long targets.
 */
export function requestGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const raw = c.env?.incoming?.url ?? `${url.pathname}${url.search}`;
    if (raw.length > MAX_TARGET_LENGTH) {
      return refuse(c, 414, `The request is longer than ${MAX_TARGET_LENGTH} characters.`);
    }
    if (!raw.startsWith('/')) return refuse(c, 400, 'Only paths on this server can be requested.');
    const path = raw.split('?')[0] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return refuse(c, 400, 'The request path is not valid percent-encoding.');
    }
    if ([path, decoded].some((p) => DOT_SEGMENT.test(p) || p.includes('//') || hasUnsafeChar(p))) {
      return refuse(c, 400, 'The request path has "..", "//", a backslash or a control character.');
    }
    return next();
  };
}

/**
 * Without access control the API must only answer pages served from our own address: a
 * DNS-rebinding page on another site would otherwise read Plivo data through the browser.
 */
export function hostCheck(allowed: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const host = hostnameOf(c.req.header('host') ?? '');
    if (!allowed.has(host)) {
      return refuse(
        c,
        403,
        `This server does not answer for host "${host.slice(0, 100)}": add it to ALLOWED_HOSTS.`,
      );
    }
    return next();
  };
}

/**
 * The Host names the server answers for, or null for any. Without sign-in the check is what
 * stops a DNS-rebinding page. A trusted identity header does not stop one either (the page
 * sets the header itself), so naming the login proxy's host in ALLOWED_HOSTS turns the check
 * on there too. Basic auth needs none: the rebinding page has no password.
 */
export function checkedHosts(config: ServerConfig): Set<string> | null {
  if (config.access.kind !== 'none' && config.allowedHosts.length === 0) return null;
  const hosts = new Set(['localhost', '127.0.0.1', '::1', ...config.allowedHosts.map(hostnameOf)]);
  if (!['0.0.0.0', '::'].includes(config.host)) hosts.add(hostnameOf(config.host));
  return hosts;
}

/** Backslashes and control characters (CR, LF, NUL…) never belong in a path. */
export function hasUnsafeChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  if (h.split(':').length > 2) return h; // a bare IPv6 address
  return h.replace(/:\d*$/, '');
}

function refuse(c: Context<AppEnv>, status: 400 | 403 | 414, message: string): Response {
  c.set('route', 'refused');
  c.header('Cache-Control', 'no-store');
  const code = status === 403 ? 'unauthorised' : 'bad_parameter';
  return c.json(apiErrorBody(code, message), status);
}
