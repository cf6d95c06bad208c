import { describe, expect, it } from 'vitest';
import { makeSession } from '../../../test-support/make-session.ts';
import { mergeHead } from './refresh-head.ts';
import type { LoadedPage } from './session-queries.ts';

const s = (id: string) => makeSession({ sessionUuid: id });
const page = (ids: string[], offset: number, nextOffset: number | null, endMs = 1): LoadedPage => ({
  sessions: ids.map(s),
  page: { limit: 20, offset, nextOffset },
  problems: [],
  fetchedAt: `2026-11-20T12:00:0${endMs}Z`,
  endMs,
});
const uuids = (data: ReturnType<typeof mergeHead>) =>
  data.pages.map((p) => p.sessions.map((x) => x.sessionUuid));

describe('mergeHead', () => {
  const loaded = {
    pages: [page(['c', 'd'], 0, 2), page(['e', 'f'], 2, null)],
    pageParams: [
      { offset: 0, endMs: null },
      { offset: 2, endMs: 1 },
    ],
  };

  it('puts new sessions in front of the first page and keeps the later pages', () => {
    const merged = mergeHead(loaded, page(['a', 'b'], 0, 2, 2));
    // The fresh page reaches the loaded rows only through its next page: a gap, so reset.
    expect(uuids(merged)).toEqual([['a', 'b']]);
    const overlapping = mergeHead(loaded, page(['a', 'c'], 0, 2, 2));
    expect(uuids(overlapping)).toEqual([
      ['a', 'c', 'd'],
      ['e', 'f'],
    ]);
    expect(overlapping.pages[0]?.page.nextOffset).toBe(2);
    expect(overlapping.pageParams).toEqual([
      { offset: 0, endMs: 2 },
      { offset: 2, endMs: 1 },
    ]);
  });

  it('keeps everything when the fresh page is the whole list', () => {
    expect(uuids(mergeHead(loaded, page(['a'], 0, null, 2)))).toEqual([
      ['a', 'c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('changes nothing but the fetch time when nothing is new', () => {
    const merged = mergeHead(loaded, page(['c', 'd'], 0, 2, 3));
    expect(uuids(merged)).toEqual(uuids(loaded));
    expect(merged.pages[0]?.fetchedAt).toBe('2026-11-20T12:00:03Z');
  });

  it('starts a list when nothing was loaded', () => {
    expect(uuids(mergeHead(undefined, page(['a'], 0, 1, 2)))).toEqual([['a']]);
  });
});
