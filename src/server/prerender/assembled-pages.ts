import { LRUCache } from 'lru-cache';
import type { PrerenderResult } from '../../contract/prerender.ts';

/** The most the kept pages may add up to, counted before compression. */
const ASSEMBLED_PAGES_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Pre-rendered pages as sent: the document around a render, compressed, kept per render and
 * variant (theme, encoding, index.html), so a link opened by many people is put together once.
 * Bounded like the renders they come from (recent-renders.ts), by size and by the reply
 * cache's TTL, as each page is about as large as its render: a page is counted at its size
 * before compression, more than a compressed one holds.
 */
export class AssembledPages<T> {
  private readonly pages: LRUCache<string, Promise<T>> | null;
  /** Renders are told apart by identity: the memo hands out the same object for a reuse. */
  private readonly ids = new WeakMap<PrerenderResult, number>();
  private nextId = 0;

  constructor(options: { ttlMs: number; maxBytes?: number }) {
    const maxSize = options.maxBytes ?? ASSEMBLED_PAGES_MAX_BYTES;
    // No reply cache, no reused render: a page would never be asked for again.
    this.pages =
      options.ttlMs > 0
        ? new LRUCache<string, Promise<T>>({
            maxSize,
            maxEntrySize: Math.floor(maxSize / 4),
            ttl: options.ttlMs,
            ttlAutopurge: true,
          })
        : null;
  }

  /** The kept page, or the one `make` puts together (with its size before compression). */
  get(
    result: PrerenderResult,
    variant: string,
    make: () => { page: Promise<T>; bytes: number },
  ): Promise<T> {
    const key = `${this.idOf(result)}|${variant}`;
    const known = this.pages?.get(key);
    if (known) return known;
    const { page, bytes } = make();
    this.pages?.set(key, page, { size: Math.max(1, bytes) });
    page.catch(() => {
      if (this.pages?.peek(key) === page) this.pages.delete(key);
    });
    return page;
  }

  private idOf(result: PrerenderResult): number {
    let id = this.ids.get(result);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(result, id);
    }
    return id;
  }
}
