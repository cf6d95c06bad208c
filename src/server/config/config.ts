import { dirname, join } from 'node:path';
import { z } from 'zod';
import { simulatorEnvShape, simulatorOptionsFromEnv } from '../../simulator/config.ts';
import type { SimulatorOptions } from '../../simulator/simulator.ts';
import { isStandardRequestHeader } from '../access/identity-header.ts';
import { parseUserList, type DashboardUser } from '../access/passwords.ts';
import {
  DEFAULT_TRUSTED_PROXIES,
  parseTrustedProxies,
  type TrustedProxies,
} from '../access/trusted-proxies.ts';

/**
 * The server's whole configuration, parsed once from the environment at start-up. Every
 * problem is collected so one failed start lists everything to fix, not the first mistake.
 */
export type AccessControl =
  { kind: 'none' } | { kind: 'basic'; users: DashboardUser[] } | { kind: 'header'; header: string };

export type SimulatorSettings = SimulatorOptions & { testControls: boolean };

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
};

const AUTH_ID = /^(MA|SA)[A-Z0-9]{18}$/;
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const optionalText = z.string().optional();

const envSchema = z.object({
  UPSTREAM: z.enum(['plivo', 'simulator'], { error: 'must be plivo or simulator' }).optional(),
  NODE_ENV: optionalText,
  PLIVO_AUTH_ID: z
    .string()
    .regex(AUTH_ID, 'must be MA or SA followed by 18 upper-case letters or digits')
    .optional(),
  PLIVO_AUTH_TOKEN: z.string().min(8, 'is too short to be a Plivo Auth Token').optional(),
  PLIVO_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL like https://api.plivo.com' })
    .refine((v) => !/[?#]/.test(v), 'must not carry a query or fragment')
    // A user:password@ part would be printed in the start-up log and make every fetch throw
    // an error quoting it; the credentials belong in PLIVO_AUTH_ID/PLIVO_AUTH_TOKEN.
    .refine(
      (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password),
      'must not contain a user name or password (use PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN)',
    )
    .transform((v) => v.replace(/\/+$/, ''))
    .default('https://api.plivo.com'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(8080),
  WEB_DIST_DIR: z.string().min(1).default('dist/web'),
  WEB_SSR_DIR: optionalText,
  PRERENDER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  PRERENDER_WAIT_MS: int(0, 10_000).default(1500),
  // Above Plivo's 20 only against a simulator with a raised SIM_LIST_LIMIT_PER_MINUTE.
  LIST_BUDGET_PER_MINUTE: int(1, 1_000_000).default(20),
  RETRIEVE_BUDGET_PER_MINUTE: int(1, 3000).default(60),
  BUDGET_QUEUE_SIZE: int(0, 1000).default(20),
  BUDGET_MAX_WAIT_SECONDS: int(0, 120).default(5),
  CACHE_TTL_SECONDS: int(0, 3600).default(30),
  CACHE_MAX_ENTRIES: int(1, 100_000).default(500),
  UPSTREAM_TIMEOUT_MS: int(100, 120_000).default(10_000),
  DASHBOARD_USERS: optionalText,
  TRUST_IDENTITY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name like X-Forwarded-Email')
    .refine(
      (v) => !isStandardRequestHeader(v),
      'must be a header only the login proxy sets (like X-Forwarded-Email), not one every client sends',
    )
    .optional(),
  ALLOWED_HOSTS: optionalText,
  INDEX: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  DATA_DIR: z.string().min(1).default('./data'),
  INDEX_BUDGET_SHARE: z
    .string()
    .regex(/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/, 'must be a number from 0.05 to 1, like 0.5')
    .transform(Number)
    .pipe(z.number().min(0.05, 'must be at least 0.05').max(1, 'must be at most 1'))
    .default(0.5),
  INDEX_RETENTION_DAYS: int(90, 3650).default(400),
  TRUSTED_PROXIES: z.string().default(DEFAULT_TRUSTED_PROXIES),
  TRUST_GROUPS_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name like X-Forwarded-Groups')
    .optional(),
  MASKED_GROUPS: optionalText,
  AUDIT_LOG: optionalText,
  AUDIT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SHORT_LINKS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  // Unset: links never expire (incident reviews come back to them months later).
  SHORT_LINK_TTL_DAYS: int(1, 36_500).optional(),
  // The message never repeats the value: it may hold the database password.
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, 'must be a URL like postgres://user:password@host:5432/database')
    .optional(),
  // The in-process simulator's SIM_* variables, with the standalone simulator's rules.
  ...simulatorEnvShape,
});

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
  };
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
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
