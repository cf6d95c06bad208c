import { isSupportedCountry } from 'libphonenumber-js/min';
import { z } from 'zod';
import { simulatorEnvShape } from '../../simulator/config.ts';
import { isStandardRequestHeader } from '../access/identity-header.ts';
import { DEFAULT_TRUSTED_PROXIES } from '../access/trusted-proxies.ts';

/**
 * Every environment variable the server reads, with its rule and default: the one place to
 * look up a setting. Cross-variable rules (credentials together, groups with the identity
 * header, …) and the typed ServerConfig built from it live in config.ts.
 */
const AUTH_ID = /^(MA|SA)[A-Z0-9]{18}$/;
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const optionalText = z.string().optional();

export const envSchema = z.object({
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
  DEFAULT_COUNTRY: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .refine(
      isSupportedCountry,
      'must be a two-letter country code with phone numbers, like US or IN',
    )
    .optional(),
  // The in-process simulator's SIM_* variables, with the standalone simulator's rules.
  ...simulatorEnvShape,
});

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}
