import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveRefresh, type LiveRefreshOptions } from './use-live-refresh.ts';
import { useNewRows } from './use-new-rows.ts';

let hidden = false;
beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-20T10:00:00Z') });
  hidden = false;
  vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function setVisibility(nowHidden: boolean) {
  hidden = nowHidden;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** A refetch that stays pending until the test settles it. */
function controlledRefetch() {
  const pending: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const refetch = vi.fn<() => Promise<unknown>>(
    () => new Promise<unknown>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return { refetch, pending };
}

function start(options: Partial<LiveRefreshOptions> & Pick<LiveRefreshOptions, 'refetch'>) {
  return renderHook((props: LiveRefreshOptions) => useLiveRefresh(props), {
    initialProps: { enabled: true, intervalMs: 30_000, ...options },
  });
}

const advance = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));

describe('useLiveRefresh', () => {
  it('refreshes every interval, counted from the end of the previous refresh', async () => {
    const { refetch, pending } = controlledRefetch();
    const { result } = start({ refetch });
    expect(result.current.nextRefreshAt).toBe(Date.parse('2026-11-20T10:00:30Z'));
    await advance(29_999);
    expect(refetch).not.toHaveBeenCalled();
    await advance(1);
    expect(refetch).toHaveBeenCalledTimes(1);
    expect(result.current.refreshing).toBe(true);
    // A slow fetch: no second call while the first runs, however long it takes.
    await advance(120_000);
    expect(refetch).toHaveBeenCalledTimes(1);
    await act(async () => pending[0]!.resolve({ isError: false }));
    expect(result.current.refreshing).toBe(false);
    await advance(29_999);
    expect(refetch).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it('does nothing when disabled', async () => {
    const refetch = vi.fn<() => Promise<unknown>>(async () => ({}));
    const { result } = start({ refetch, enabled: false });
    await advance(10 * 60_000);
    expect(refetch).not.toHaveBeenCalled();
    expect(result.current.nextRefreshAt).toBeNull();
  });

  it('pauses while the tab is hidden and catches up when it comes back', async () => {
    const refetch = vi.fn<() => Promise<unknown>>(async () => ({}));
    const { result } = start({ refetch });
    setVisibility(true);
    expect(result.current.paused).toBe('hidden');
    await advance(5 * 60_000);
    expect(refetch).not.toHaveBeenCalled();
    setVisibility(false);
    expect(result.current.paused).toBeNull();
    await advance(0);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('waits its turn while another fetch of the data runs', async () => {
    const refetch = vi.fn<() => Promise<unknown>>(async () => ({}));
    const { rerender } = start({ refetch, isFetching: true });
    await advance(90_000);
    expect(refetch).not.toHaveBeenCalled();
    rerender({ enabled: true, intervalMs: 30_000, refetch, isFetching: false });
    await advance(30_000);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('slows down when the shared budget is low', async () => {
    const refetch = vi.fn<() => Promise<unknown>>(async () => ({}));
    const { result } = start({ refetch, budgetRemaining: 1 });
    expect(result.current.slowedBy).toBe('budget');
    await advance(119_999);
    expect(refetch).not.toHaveBeenCalled();
    await advance(1);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it("backs off after failures and honours a 429's Retry-After", async () => {
    const { refetch, pending } = controlledRefetch();
    const { result } = start({ refetch });
    await advance(30_000);
    await act(async () =>
      pending[0]!.reject(Object.assign(new Error('busy'), { retryAfterSeconds: 90 })),
    );
    expect(result.current.slowedBy).toBe('rate-limit');
    await advance(89_999);
    expect(refetch).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(refetch).toHaveBeenCalledTimes(2);
    // A React Query result with isError counts as a failure too: 2 failures → 4 × interval.
    await act(async () => pending[1]!.resolve({ isError: true, error: new Error('down') }));
    expect(result.current).toMatchObject({ failures: 2, slowedBy: 'errors' });
    await advance(119_999);
    expect(refetch).toHaveBeenCalledTimes(2);
    await advance(1);
    expect(refetch).toHaveBeenCalledTimes(3);
    await act(async () => pending[2]!.resolve({ isError: false }));
    expect(result.current).toMatchObject({ failures: 0, slowedBy: null });
  });

  it('stops its timer on unmount', async () => {
    const refetch = vi.fn<() => Promise<unknown>>(async () => ({}));
    const { unmount } = start({ refetch });
    unmount();
    await advance(10 * 60_000);
    expect(refetch).not.toHaveBeenCalled();
  });
});

describe('useNewRows', () => {
  const rows = (...uuids: string[]) => uuids.map((sessionUuid) => ({ sessionUuid }));

  it('highlights sessions that arrive for the same view, not after a filter change', () => {
    type Props = { data: { sessionUuid: string }[] | undefined; key: string };
    const { result, rerender } = renderHook<ReadonlySet<string>, Props>(
      ({ data, key }) => useNewRows(data, key),
      {
        initialProps: { data: rows('a', 'b'), key: 'v1' },
      },
    );
    expect([...result.current]).toEqual([]);
    rerender({ data: rows('c', 'a', 'b'), key: 'v1' });
    expect([...result.current]).toEqual(['c']);
    rerender({ data: rows('x', 'y'), key: 'v2' });
    expect([...result.current]).toEqual([]);
    rerender({ data: undefined, key: 'v2' });
    expect([...result.current]).toEqual([]);
  });
});
