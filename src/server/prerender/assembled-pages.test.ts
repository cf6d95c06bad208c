import { describe, expect, it } from 'vitest';
import { AssembledPages } from './assembled-pages.ts';

const environment = { viewerZone: 'UTC', storedTheme: null, server: null, origin: null };
const render = () => ({
  html: '',
  css: '',
  boot: { environment, apiQuery: '', body: null, endMs: 0, fetchedAt: 0 },
});

/** Pages of `bytes`, counting how many were put together. */
function maker(bytes: number) {
  const made: string[] = [];
  const make = (name: string) => () => {
    made.push(name);
    return { page: Promise.resolve(name), bytes };
  };
  return { made, make };
}

describe('assembled pages', () => {
  it('puts a page together once per render and variant', async () => {
    const pages = new AssembledPages<string>({ ttlMs: 30_000 });
    const { made, make } = maker(10);
    const [one, other] = [render(), render()];
    expect(await pages.get(one, 'gzip', make('1 gzip'))).toBe('1 gzip');
    expect(await pages.get(one, 'gzip', make('1 gzip again'))).toBe('1 gzip');
    await pages.get(one, 'br', make('1 br'));
    await pages.get(other, 'gzip', make('2 gzip'));
    expect(made).toEqual(['1 gzip', '1 br', '2 gzip']);
  });

  it('keeps pages up to its size, dropping the least recently used', async () => {
    const pages = new AssembledPages<string>({ ttlMs: 30_000, maxBytes: 1_000 });
    const { made, make } = maker(240);
    const renders = [render(), render(), render(), render(), render()];
    for (const [i, r] of renders.entries()) await pages.get(r, 'gzip', make(`#${i}`));
    // The fifth passed 1,000 bytes: the first went; the second is still there.
    await pages.get(renders[1]!, 'gzip', make('#1 again'));
    await pages.get(renders[0]!, 'gzip', make('#0 again'));
    expect(made).toEqual(['#0', '#1', '#2', '#3', '#4', '#0 again']);
  });

  it('keeps no page larger than a quarter of its size', async () => {
    const pages = new AssembledPages<string>({ ttlMs: 30_000, maxBytes: 1_000 });
    const { made, make } = maker(251);
    const r = render();
    await pages.get(r, 'gzip', make('big'));
    await pages.get(r, 'gzip', make('big again'));
    expect(made).toEqual(['big', 'big again']);
  });

  it('keeps no page that failed', async () => {
    const pages = new AssembledPages<string>({ ttlMs: 30_000 });
    const r = render();
    const failed = pages.get(r, 'br', () => ({ page: Promise.reject(new Error('no')), bytes: 1 }));
    await expect(failed).rejects.toThrow('no');
    expect(await pages.get(r, 'br', maker(1).make('made again'))).toBe('made again');
  });

  it('keeps nothing when replies are not cached', async () => {
    const pages = new AssembledPages<string>({ ttlMs: 0 });
    const { made, make } = maker(1);
    const r = render();
    await pages.get(r, 'gzip', make('a'));
    await pages.get(r, 'gzip', make('b'));
    expect(made).toEqual(['a', 'b']);
  });
});
