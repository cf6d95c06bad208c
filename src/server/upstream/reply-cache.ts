import { LRUCache } from 'lru-cache';

/**
 * Successful upstream replies are kept for a short TTL, and identical requests arriving while
 * one is in flight share it, so a link opened by ten people costs one upstream call. Failures
 * are never cached: the next request tries again. `fresh` skips the cache (the browser's
 * `Cache-Control: no-cache`) but still joins an in-flight call, which is no older than the
 * request itself.
 */
export type CacheOutcome = 'hit' | 'shared' | 'miss' | 'bypass';
export type Cached<T> = { value: T; outcome: CacheOutcome };

/**
 * The most the kept replies may add up to, counted as their JSON length. A count alone let
 * 500 replies of an abnormal upstream (a 4.5 MB alias each) hold gigabytes; a reply larger
 * than a quarter of this is served but not kept.
 */
const REPLY_CACHE_MAX_BYTES = 64 * 1024 * 1024;

export class ReplyCache<T extends object> {
  private readonly cache: LRUCache<string, T> | null;
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(options: { ttlMs: number; maxEntries: number; maxBytes?: number }) {
    const maxSize = options.maxBytes ?? REPLY_CACHE_MAX_BYTES;
    this.cache =
      options.ttlMs > 0
        ? new LRUCache<string, T>({
            max: options.maxEntries,
            maxSize,
            maxEntrySize: Math.floor(maxSize / 4),
            sizeCalculation: (value) => Math.max(1, JSON.stringify(value).length),
            ttl: options.ttlMs,
            // Expired replies are let go when they expire, not when something evicts them.
            ttlAutopurge: true,
          })
        : null;
  }

  async get(
    key: string,
    load: () => Promise<T>,
    options: { fresh?: boolean; cacheable?: (value: T) => boolean } = {},
  ): Promise<Cached<T>> {
    if (!options.fresh) {
      const cached = this.cache?.get(key);
      if (cached) return { value: cached, outcome: 'hit' };
    }
    const pending = this.inFlight.get(key);
    if (pending) return { value: await pending, outcome: 'shared' };
    const promise = load();
    this.inFlight.set(key, promise);
    try {
      const value = await promise;
      if (options.cacheable?.(value) ?? true) this.cache?.set(key, value);
      return { value, outcome: options.fresh ? 'bypass' : 'miss' };
    } finally {
      this.inFlight.delete(key);
    }
  }

  clear(): void {
    this.cache?.clear();
  }
}
