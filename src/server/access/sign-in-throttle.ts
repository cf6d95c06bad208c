import { isIPv6 } from 'node:net';
import { LRUCache } from 'lru-cache';

/**
 * Keeps wrong passwords from slowing everyone down: every password check is an scrypt run on
 * the libuv thread pool, which file reads and DNS share. Failed sign-ins are counted per client
 * address and per user name in fixed windows; past the limit the check is refused (429) before
 * any scrypt runs. At most a few checks run at once, so an attack from many addresses still
 * leaves pool threads free. A signed-in user is not affected: their verified header is
 * remembered (access-control.ts) and never reaches the throttle.
 */
export const SIGN_IN_LIMITS = {
  /** Wrong passwords allowed per address, and per user name, in each window. */
  failuresPerWindow: 10,
  windowMs: 60_000,
  /** Two of libuv's four pool threads at most: file reads and DNS keep the others. */
  maxConcurrentChecks: 2,
};

export type CheckOutcome = { ok: boolean } | { retryAfterSeconds: number; reason: string };

type Window = { failures: number; resetsAt: number };

export class SignInThrottle {
  private checking = 0;
  // Separate maps, so a flood of invented user names cannot evict the count of an address.
  private readonly byAddress: LRUCache<string, Window>;
  private readonly byName: LRUCache<string, Window>;

  constructor() {
    const options = { max: 10_000, ttl: SIGN_IN_LIMITS.windowMs };
    this.byAddress = new LRUCache<string, Window>(options);
    this.byName = new LRUCache<string, Window>(options);
  }

  /** Runs `verify` (the scrypt check) unless the address or name is throttled or too many run. */
  async check(
    address: string,
    name: string,
    verify: () => Promise<boolean>,
  ): Promise<CheckOutcome> {
    const client = addressKey(address);
    const wait = Math.max(this.waitFor(this.byAddress, client), this.waitFor(this.byName, name));
    if (wait > 0) {
      const reason = 'Too many wrong passwords from this address or for this user name.';
      return { retryAfterSeconds: wait, reason };
    }
    if (this.checking >= SIGN_IN_LIMITS.maxConcurrentChecks) {
      const reason = 'Too many sign-ins are being checked at this moment.';
      return { retryAfterSeconds: 1, reason };
    }
    this.checking += 1;
    try {
      const ok = await verify();
      if (!ok) {
        this.fail(this.byAddress, client);
        this.fail(this.byName, name);
      }
      return { ok };
    } finally {
      this.checking -= 1;
    }
  }

  /** Whole seconds until `key` may try again; 0 when it may now. */
  private waitFor(windows: LRUCache<string, Window>, key: string): number {
    const window = windows.get(key);
    const left = (window?.resetsAt ?? 0) - Date.now();
    if (!window || left <= 0 || window.failures < SIGN_IN_LIMITS.failuresPerWindow) return 0;
    return Math.ceil(left / 1000);
  }

  private fail(windows: LRUCache<string, Window>, key: string): void {
    const now = Date.now();
    const window = windows.get(key);
    if (window && window.resetsAt > now) window.failures += 1;
    else windows.set(key, { failures: 1, resetsAt: now + SIGN_IN_LIMITS.windowMs });
  }
}

/**
 * What a client's failures are counted under: an IPv4 address (also when written IPv4-mapped),
 * or an IPv6 address's /64, since one IPv6 host usually holds a whole /64 to rotate through.
 */
function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
