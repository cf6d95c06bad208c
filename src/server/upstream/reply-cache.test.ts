import { describe, expect, it } from 'vitest';
import { ReplyCache } from './reply-cache.ts';

/** A value whose JSON is `chars` characters long. */
const sized = (chars: number) => ({ v: 'x'.repeat(chars - 8) });
const load = (value: object) => () => Promise.resolve(value);

describe('ReplyCache', () => {
  it('keeps replies up to its size, dropping the least recently used', async () => {
    const cache = new ReplyCache<object>({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1_000 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, load(sized(240)));
    expect((await cache.get('a', load(sized(240)))).outcome).toBe('hit');
    // 1,200 characters would pass the 1,000: "b", the least recently used, goes.
    await cache.get('e', load(sized(240)));
    expect((await cache.get('b', load(sized(240)))).outcome).toBe('miss');
    expect((await cache.get('a', load(sized(240)))).outcome).toBe('hit');
  });

  it('serves a reply larger than a quarter of its size without keeping it', async () => {
    const cache = new ReplyCache<object>({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1_000 });
    await cache.get('small', load(sized(200)));
    const big = sized(260);
    expect(await cache.get('big', load(big))).toEqual({ value: big, outcome: 'miss' });
    expect((await cache.get('big', load(big))).outcome).toBe('miss');
    expect((await cache.get('small', load(sized(200)))).outcome).toBe('hit');
  });

  it('still keeps at most maxEntries replies', async () => {
    const cache = new ReplyCache<object>({ ttlMs: 60_000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, load({}));
    expect((await cache.get('a', load({}))).outcome).toBe('miss');
  });
});
