import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Dashboard passwords for HTTP Basic auth, stored as scrypt hashes in DASHBOARD_USERS:
 * `alice:scrypt.16384.8.1.<salt>.<hash>,bob:…` (base64url parts). Dots rather than `$`
 * separate the parts because `$` needs escaping in shells, Compose files and systemd units.
 */
export type DashboardUser = { name: string; hash: string };

const KEY_LENGTH = 32;
const DEFAULT_COST = { N: 16_384, r: 8, p: 1 };
const HASH =
  /^scrypt\.(\d{1,7})\.(\d{1,2})\.(\d{1,2})\.([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{40,})$/;
const USER_NAME = /^[^\s:,]{1,100}$/;

function derive(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) =>
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

export function isPasswordHash(value: string): boolean {
  const m = HASH.exec(value);
  if (!m) return false;
  const n = Number(m[1]);
  // scrypt needs a power of two above 1 for N.
  return n > 1 && (n & (n - 1)) === 0;
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

/** Parses `name:hash` pairs separated by commas or whitespace; problems never echo a hash. */
export function parseUserList(text: string): { users: DashboardUser[]; problems: string[] } {
  const users: DashboardUser[] = [];
  const problems: string[] = [];
  const entries = text.split(/[\s,]+/).filter(Boolean);
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon) : '';
    const hash = colon > 0 ? entry.slice(colon + 1) : '';
    if (!USER_NAME.test(name)) {
      problems.push(`entry ${index + 1} must look like name:scrypt.… (run npm run hash-password)`);
    } else if (!isPasswordHash(hash)) {
      problems.push(`user ${name} has no valid scrypt hash (run npm run hash-password)`);
    } else if (users.some((u) => u.name === name)) {
      problems.push(`user ${name} is listed twice`);
    } else users.push({ name, hash });
  });
  return { users, problems };
}
