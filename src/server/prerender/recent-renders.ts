import { LRUCache } from 'lru-cache';
import type { PrerenderResult, RenderMemo } from '../../contract/prerender.ts';

/** The most the kept renders may add up to (see `renderSize`). */
export const RECENT_RENDERS_MAX_BYTES = 32 * 1024 * 1024;

type Entry = { body: object; result: PrerenderResult };

/**
 * The pre-render's recent renders (decision 0004), each with the cached reply it came from,
 * so a link opened again while its reply is cached is not rendered again. Bounded by size,
 * not count: a hundred renders of an upstream with a 4.5 MB alias held 2 GB. One render
 * larger than a quarter of the whole is not kept, so an abnormal reply cannot push out all the
 * others. An entry lives no longer than the reply cache keeps a reply (`ttlMs`): after that the
 * reply is fetched again as a new object, and a render of the old one can never be recalled.
 */
export class RecentRenders implements RenderMemo {
  private readonly renders: LRUCache<string, Entry> | null;

  constructor(options: { ttlMs: number; maxBytes?: number; now?: () => number }) {
    const maxSize = options.maxBytes ?? RECENT_RENDERS_MAX_BYTES;
    // No reply cache, no reuse: a later request always brings a new reply object.
    this.renders =
      options.ttlMs > 0
        ? new LRUCache<string, Entry>({
            maxSize,
            maxEntrySize: Math.floor(maxSize / 4),
            sizeCalculation: renderSize,
            ttl: options.ttlMs,
            // Expired renders are let go when they expire, not when something evicts them.
            ttlAutopurge: true,
            ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
          })
        : null;
  }

  recall(key: string, body: object): PrerenderResult | null {
    const known = this.renders?.get(key);
    if (!known) return null;
    if (known.body === body) return known.result;
    // The reply for this page changed: the render of the old one is of no more use.
    this.renders?.delete(key);
    return null;
  }

  remember(key: string, body: object, result: PrerenderResult): void {
    this.renders?.set(key, { body, result });
  }

  /** What the kept renders add up to, as `renderSize` counts. */
  get bytes(): number {
    return this.renders?.calculatedSize ?? 0;
  }
}

/**
 * A render's HTML plus its reply as JSON, in characters: about their bytes. The parsed reply
 * and the pages the server assembles from a render take more, in proportion.
 */
function renderSize({ body, result }: Entry): number {
  return Math.max(1, result.html.length + JSON.stringify(body).length);
}
