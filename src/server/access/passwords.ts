import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Dashboard passwords for HTTP Basic auth, stored as scrypt hashes in DASHBOARD_USERS:
 * `alice:scrypt.16384.8.1.<salt>.<hash>,bob:…` (base64url parts). Dots rather than `$`
 * separate the parts because `$` needs escaping in shells, Compose files and systemd units.
 */
export type DashboardUser = { name: string; hash: string; maskedOnly?: boolean };

/** An entry ending in this sees masked data only (viewer.ts): `carol:scrypt.…:masked`. */
const MASKED_FLAG = ':masked';

const KEY_LENGTH = 32;
const DEFAULT_COST = { N: 16_384, r: 8, p: 1 };
const MAX_MEMORY = 64 * 1024 * 1024;
/** About 0.3 s of CPU here (8× the default): every wrong password costs this much. */
const MAX_WORK = 2 ** 20;
const HASH =
  /^scrypt\.(\d{1,7})\.(\d{1,2})\.(\d{1,2})\.([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{40,})$/;
const USER_NAME = /^[^\s:,]{1,100}$/;

function derive(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT_COST);
  const { N, r, p } = DEFAULT_COST;
  return `scrypt.${N}.${r}.${p}.${salt.toString('base64url')}.${key.toString('base64url')}`;
}

/**
 * Why a stored hash is unusable, or null. Checked at start-up rather than at sign-in: a cost
 * above scrypt's memory limit would fail every sign-in with a server error, a huge one would
 * let anyone burn seconds of CPU per wrong password, and a tiny one is no protection.
 */
function costProblem(value: string): string | null {
  const m = HASH.exec(value);
  if (!m) return 'no valid scrypt hash';
  const [n, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // scrypt needs a power of two for N.
  if ((n & (n - 1)) !== 0 || n < DEFAULT_COST.N || r < 1 || p < 1) {
    return `a scrypt hash of too weak a cost (needs N a power of two of at least ${DEFAULT_COST.N}, r and p of at least 1)`;
  }
  // OpenSSL's own measure of the memory scrypt needs, which `maxmem` is compared with.
  if (128 * r * (n + 2 + p) > MAX_MEMORY || n * r * p > MAX_WORK) {
    return 'a scrypt hash of too high a cost for a sign-in check (at most 64 MiB and N·r·p of 2^20)';
  }
  return null;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = HASH.exec(hash);
  if (!m) return false;
  const [, n, r, p, salt = '', expected = ''] = m;
  const want = Buffer.from(expected, 'base64url');
  const got = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * Parses `name:hash` pairs (`name:hash:masked` for a masked-only user) separated by commas or
 * whitespace; problems never echo a hash.
 */
export function parseUserList(text: string): { users: DashboardUser[]; problems: string[] } {
  const users: DashboardUser[] = [];
  const problems: string[] = [];
  const entries = text.split(/[\s,]+/).filter(Boolean);
  entries.forEach((flagged, index) => {
    const maskedOnly = flagged.endsWith(MASKED_FLAG);
    const entry = maskedOnly ? flagged.slice(0, -MASKED_FLAG.length) : flagged;
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon) : '';
    const hash = colon > 0 ? entry.slice(colon + 1) : '';
    if (!USER_NAME.test(name)) {
      problems.push(`entry ${index + 1} must look like name:scrypt.… (run npm run hash-password)`);
    } else if (costProblem(hash) !== null) {
      problems.push(`user ${name} has ${costProblem(hash)} (run npm run hash-password)`);
    } else if (users.some((u) => u.name === name)) {
      problems.push(`user ${name} is listed twice`);
    } else users.push({ name, hash, ...(maskedOnly ? { maskedOnly } : {}) });
  });
  return { users, problems };
}
