import { describe, expect, it } from 'vitest';
import { RecentRenders } from './recent-renders.ts';

/** A render whose HTML is `chars` characters; its reply `{}` adds 2 more. */
const environment = { viewerZone: 'UTC', storedTheme: null, server: null, origin: null };
const render = (chars: number) => ({
  html: 'h'.repeat(chars - 2),
  css: '',
  boot: { environment, apiQuery: '', body: null, endMs: 0, fetchedAt: 0 },
});

let now = 0;
const clock = () => now;
const renders = (maxBytes = 1_000) => new RecentRenders({ ttlMs: 30_000, maxBytes, now: clock });

describe('recent renders', () => {
  it('gives a render back only for the very reply it came from', () => {
    const memo = renders();
    const reply = {};
    memo.remember('a', reply, render(10));
    expect(memo.recall('a', reply)?.html).toHaveLength(8);
    expect(memo.recall('b', reply)).toBeNull();
    expect(memo.recall('a', {})).toBeNull();
    // A newer reply for the page: the old render goes at once.
    expect(memo.recall('a', reply)).toBeNull();
    expect(memo.bytes).toBe(0);
  });

  it('keeps renders up to its size, dropping the least recently used', () => {
    const memo = renders();
    const reply = {};
    for (const key of ['a', 'b', 'c', 'd']) memo.remember(key, reply, render(240));
    expect(memo.bytes).toBe(960);
    expect(memo.recall('a', reply)).not.toBeNull();
    memo.remember('e', reply, render(240));
    expect(memo.bytes).toBe(960);
    expect(memo.recall('b', reply)).toBeNull();
    expect(memo.recall('a', reply)).not.toBeNull();
  });

  it('counts the reply a render came from', () => {
    const memo = renders();
    memo.remember('a', { sessions: 'x'.repeat(100) }, render(10));
    expect(memo.bytes).toBe(8 + JSON.stringify({ sessions: 'x'.repeat(100) }).length);
  });

  it('keeps no render larger than a quarter of its size', () => {
    const memo = renders();
    const reply = {};
    memo.remember('small', reply, render(200));
    memo.remember('big', reply, render(251));
    expect(memo.recall('big', reply)).toBeNull();
    expect(memo.recall('small', reply)).not.toBeNull();
    expect(memo.bytes).toBe(200);
  });

  it('drops a render when the reply it came from expires', () => {
    now = 1_000_000;
    const memo = renders();
    const reply = {};
    memo.remember('a', reply, render(10));
    now += 30_000;
    expect(memo.recall('a', reply)).not.toBeNull();
    now += 1;
    expect(memo.recall('a', reply)).toBeNull();
    expect(memo.bytes).toBe(0);
  });

  it('keeps nothing when replies are not cached', () => {
    const memo = new RecentRenders({ ttlMs: 0 });
    const reply = {};
    memo.remember('a', reply, render(10));
    expect(memo.recall('a', reply)).toBeNull();
  });
});
