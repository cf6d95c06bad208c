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

export class ReplyCache<T extends object> {
  private readonly cache: LRUCache<string, T> | null;
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(options: { ttlMs: number; maxEntries: number }) {
    this.cache =
      options.ttlMs > 0
        ? new LRUCache<string, T>({ max: options.maxEntries, ttl: options.ttlMs })
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
