import { dirname, join } from 'node:path';
import { z } from 'zod';
import { simulatorOptionsFromEnv } from '../../simulator/config.ts';
import type { SimulatorOptions } from '../../simulator/simulator.ts';
import { parseUserList, type DashboardUser } from '../access/passwords.ts';
import {
  DEFAULT_TRUSTED_PROXIES,
  parseTrustedProxies,
  type TrustedProxies,
} from '../access/trusted-proxies.ts';
import { envSchema } from './env-schema.ts';

/**
 * The server's whole configuration, parsed once from the environment at start-up. Every
 * problem is collected so one failed start lists everything to fix, not the first mistake.
 */
export type AccessControl =
  { kind: 'none' } | { kind: 'basic'; users: DashboardUser[] } | { kind: 'header'; header: string };

type SimulatorSettings = SimulatorOptions & { testControls: boolean };

export type ServerConfig = {
  upstream:
    | { mode: 'plivo'; apiUrl: string; authId: string; authToken: string }
    | { mode: 'simulator'; simulator: SimulatorSettings };
  host: string;
  port: number;
  webDistDir: string;
  /** Server pre-render of deep links (docs/decisions/0004); null when turned off. */
  prerender: { ssrDir: string; waitMs: number } | null;
  budget: {
    listPerMinute: number;
    retrievePerMinute: number;
    queueSize: number;
    maxWaitMs: number;
  };
  cacheTtlMs: number;
  cacheMaxEntries: number;
  upstreamTimeoutMs: number;
  access: AccessControl;
  allowedHosts: string[];
  /** The session index (docs/decisions/0006); null with INDEX=off. */
  index: { dataDir: string; budgetShare: number; retentionDays: number } | null;
  /** Peers whose identity header and X-Forwarded-For are believed (TRUSTED_PROXIES). */
  trustedProxies: TrustedProxies;
  /** Masked-only viewers by group (header access only); see viewer.ts. */
  viewerGroups: { header: string; maskedGroups: ReadonlySet<string> } | null;
  /** AUDIT_LOG: the trail's file and its HMAC secret (null: generated at start-up). */
  audit: { file: string; secret: string | null } | null;
  /** Short links (`/l/<id>`) in DATA_DIR; null with SHORT_LINKS=off. ttlDays null: never expire. */
  links: { dataDir: string; ttlDays: number | null } | null;
  /** DATABASE_URL: replicas share the index, budget and links in PostgreSQL; null: embedded. */
  databaseUrl: string | null;
  /** DEFAULT_COUNTRY: the country a number typed without its code is read in (null: none). */
  defaultCountry: string | null;
};

type Env = Record<string, string | undefined>;
export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/** Blank variables count as unset: `FOO=` in a .env file usually means "not configured". */
function withoutBlanks(env: Env): Env {
  return Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
}

export function parseConfig(rawEnv: Env): ConfigResult {
  const env = withoutBlanks(rawEnv);
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  if (Boolean(env.PLIVO_AUTH_ID) !== Boolean(env.PLIVO_AUTH_TOKEN)) {
    problems.push(
      'PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN go together: set both (live Plivo) or neither (simulator)',
    );
  }
  problems.push(...upstreamProblems(env));
  if (env.DASHBOARD_USERS && env.TRUST_IDENTITY_HEADER) {
    problems.push('DASHBOARD_USERS and TRUST_IDENTITY_HEADER are alternatives: set at most one');
  }
  const users = env.DASHBOARD_USERS
    ? parseUserList(env.DASHBOARD_USERS)
    : { users: [], problems: [] };
  problems.push(...users.problems.map((p) => `DASHBOARD_USERS ${p}`));
  // Only an empty value means "no sign-in": `", "` or `"  "` was meant to list someone, and
  // starting without sign-in would be the worst reading of it.
  if (rawEnv.DASHBOARD_USERS && !users.users.length && !users.problems.length) {
    problems.push('DASHBOARD_USERS is set but lists no user (unset it to run without sign-in)');
  }
  const proxies = parseTrustedProxies(env.TRUSTED_PROXIES ?? DEFAULT_TRUSTED_PROXIES);
  problems.push(...proxies.problems.map((p) => `TRUSTED_PROXIES ${p}`));
  problems.push(...groupProblems(env));
  if (!parsed.success || problems.length) return { ok: false, problems };
  return { ok: true, config: toConfig(parsed.data, users.users, proxies.proxies) };
}

/**
 * UPSTREAM names the upstream outright; unset, credentials mean Plivo and none the simulator,
 * except under NODE_ENV=production: a deploy that lost its secrets must fail, not quietly serve
 * generated sessions as if they were real.
 */
function upstreamProblems(env: Env): string[] {
  const credentials = Boolean(env.PLIVO_AUTH_ID || env.PLIVO_AUTH_TOKEN);
  if (env.UPSTREAM === 'plivo' && !credentials) {
    return ['UPSTREAM=plivo needs PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN'];
  }
  if (env.UPSTREAM === 'simulator' && credentials) {
    return [
      'UPSTREAM=simulator serves generated data, not the account of PLIVO_AUTH_ID: unset the credentials or set UPSTREAM=plivo',
    ];
  }
  if (!env.UPSTREAM && !credentials && env.NODE_ENV === 'production') {
    return [
      'NODE_ENV=production needs Plivo credentials: set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN (or UPSTREAM=simulator for a demo on generated data)',
    ];
  }
  return [];
}

function toConfig(
  e: z.output<typeof envSchema>,
  users: DashboardUser[],
  trustedProxies: TrustedProxies,
): ServerConfig {
  const upstream: ServerConfig['upstream'] =
    e.PLIVO_AUTH_ID && e.PLIVO_AUTH_TOKEN
      ? {
          mode: 'plivo',
          apiUrl: e.PLIVO_API_URL,
          authId: e.PLIVO_AUTH_ID,
          authToken: e.PLIVO_AUTH_TOKEN,
        }
      : { mode: 'simulator', simulator: simulatorOptionsFromEnv(e) };
  const access: AccessControl = users.length
    ? { kind: 'basic', users }
    : e.TRUST_IDENTITY_HEADER
      ? { kind: 'header', header: e.TRUST_IDENTITY_HEADER.toLowerCase() }
      : { kind: 'none' };
  return {
    upstream,
    host: e.HOST,
    port: e.PORT,
    webDistDir: e.WEB_DIST_DIR,
    prerender:
      e.PRERENDER === 'on'
        ? {
            ssrDir: e.WEB_SSR_DIR ?? join(dirname(e.WEB_DIST_DIR), 'ssr'),
            waitMs: e.PRERENDER_WAIT_MS,
          }
        : null,
    budget: {
      listPerMinute: e.LIST_BUDGET_PER_MINUTE,
      retrievePerMinute: e.RETRIEVE_BUDGET_PER_MINUTE,
      queueSize: e.BUDGET_QUEUE_SIZE,
      maxWaitMs: e.BUDGET_MAX_WAIT_SECONDS * 1000,
    },
    cacheTtlMs: e.CACHE_TTL_SECONDS * 1000,
    cacheMaxEntries: e.CACHE_MAX_ENTRIES,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    access,
    allowedHosts: (e.ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    index:
      e.INDEX === 'on'
        ? {
            dataDir: e.DATA_DIR,
            budgetShare: e.INDEX_BUDGET_SHARE,
            retentionDays: e.INDEX_RETENTION_DAYS,
          }
        : null,
    trustedProxies,
    viewerGroups:
      e.TRUST_GROUPS_HEADER && e.MASKED_GROUPS
        ? {
            header: e.TRUST_GROUPS_HEADER.toLowerCase(),
            maskedGroups: new Set(
              e.MASKED_GROUPS.split(',')
                .map((g) => g.trim())
                .filter(Boolean),
            ),
          }
        : null,
    audit: e.AUDIT_LOG ? { file: e.AUDIT_LOG, secret: e.AUDIT_SECRET ?? null } : null,
    links:
      e.SHORT_LINKS === 'on'
        ? { dataDir: e.DATA_DIR, ttlDays: e.SHORT_LINK_TTL_DAYS ?? null }
        : null,
    databaseUrl: e.DATABASE_URL ?? null,
    defaultCountry: e.DEFAULT_COUNTRY ?? null,
  };
}

/** Groups mean something only together, and only behind a login proxy's identity header. */
function groupProblems(env: Env): string[] {
  const problems: string[] = [];
  if (Boolean(env.TRUST_GROUPS_HEADER) !== Boolean(env.MASKED_GROUPS)) {
    problems.push('TRUST_GROUPS_HEADER and MASKED_GROUPS go together: set both or neither');
  }
  if (env.TRUST_GROUPS_HEADER && !env.TRUST_IDENTITY_HEADER) {
    problems.push(
      'TRUST_GROUPS_HEADER needs TRUST_IDENTITY_HEADER (groups come from the login proxy)',
    );
  }
  return problems;
}

/** Defaults plus overrides: for tests and the e2e support scripts. */
export function configFrom(env: Env): ServerConfig {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(`Invalid configuration:\n- ${result.problems.join('\n- ')}`);
  return result.config;
}
