import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadAllDriver } from './load-all-driver.ts';
import type { LoadAllSource } from './load-all-machine.ts';

/**
 * A fake paged source: `total` pages, each answered after `latencyMs`; `failures` maps a
 * request number (1-based) to the error that request returns instead of a page.
 */
function fakeSource(total: number, failures: Record<number, unknown> = {}, latencyMs = 200) {
  let pages = 1;
  let requests = 0;
  const requestTimes: number[] = [];
  const source = (): LoadAllSource => ({
    hasNextPage: pages < total,
    pageCount: pages,
    sessionCount: pages * 20,
    coverage: pages / total,
    fetchNextPage: async () => {
      requests += 1;
      requestTimes.push(Date.now());
      const failure = failures[requests];
      await new Promise((r) => setTimeout(r, latencyMs));
      if (failure) return { hasNextPage: pages < total, error: failure };
      pages += 1;
      return { hasNextPage: pages < total, error: null };
    },
  });
  return { source, requestTimes, pages: () => pages };
}

const rateLimited = (retryAfterSeconds?: number) =>
  Object.assign(new Error('Waiting for the Plivo rate limit'), {
    code: 'rate_limited',
    retryAfterSeconds,
  });

function driverFor(src: ReturnType<typeof fakeSource>, perMinute = 20) {
  const changes = vi.fn<() => void>();
  const driver = new LoadAllDriver({ perMinute, getSource: src.source, onChange: changes });
  return { driver, changes };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-27T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('LoadAllDriver', () => {
  it('loads every page and finishes, counting elapsed time', async () => {
    const src = fakeSource(5);
    const { driver } = driverFor(src);
    driver.start();
    expect(driver.state.phase).toBe('running');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(src.pages()).toBe(5);
    expect(driver.state.phase).toBe('done');
    expect(driver.progress()).toMatchObject({
      pages: 5,
      sessions: 100,
      elapsedMs: 800,
      etaMs: 0,
      fraction: 1,
    });
  });

  it('is done at once when nothing is left', async () => {
    const { driver } = driverFor(fakeSource(1));
    driver.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(driver.state.phase).toBe('done');
  });

  it('never sends more than the budget in any minute', async () => {
    const src = fakeSource(60, {}, 50);
    const { driver } = driverFor(src, 20);
    driver.start();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(src.requestTimes).toHaveLength(20);
    expect(driver.state.phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(driver.state.phase).toBe('done');
    for (const [i, t] of src.requestTimes.entries()) {
      const inMinute = src.requestTimes.filter((u) => u >= t && u < t + 60_000).length;
      expect(inMinute, `window from request ${i}`).toBeLessThanOrEqual(20);
    }
  });

  it('waits out a rate_limited answer, shows the countdown, then continues', async () => {
    const src = fakeSource(4, { 2: rateLimited(12) });
    const { driver } = driverFor(src);
    driver.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(driver.state.phase).toBe('waiting');
    expect(driver.progress().waitMs).toBe(11_900);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(driver.state.phase).toBe('waiting');
    expect(src.pages()).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(src.pages()).toBe(4);
    expect(driver.state.phase).toBe('done');
  });

  it('fails with the error message on other errors, and resumes from there', async () => {
    const src = fakeSource(4, { 2: new Error('The dashboard server could not be reached.') });
    const { driver } = driverFor(src);
    driver.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(driver.state).toMatchObject({
      phase: 'failed',
      error: 'The dashboard server could not be reached.',
    });
    expect(src.pages()).toBe(2);
    driver.resume();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(driver.state.phase).toBe('done');
    expect(src.pages()).toBe(4);
  });

  it('cancels mid-run, sends nothing more, and resumes where it stopped', async () => {
    const src = fakeSource(10);
    const { driver } = driverFor(src);
    driver.start();
    await vi.advanceTimersByTimeAsync(500);
    driver.cancel();
    expect(driver.state.phase).toBe('paused');
    const elapsed = driver.progress().elapsedMs;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(src.requestTimes).toHaveLength(3);
    expect(driver.progress().elapsedMs).toBe(elapsed);
    driver.resume();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(driver.state.phase).toBe('done');
    expect(src.pages()).toBe(10);
  });

  it('cancels during a rate-limit wait without another request', async () => {
    const src = fakeSource(4, { 1: rateLimited(30) });
    const { driver } = driverFor(src);
    driver.start();
    await vi.advanceTimersByTimeAsync(1_000);
    driver.cancel();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(src.requestTimes).toHaveLength(1);
    expect(driver.state).toMatchObject({ phase: 'paused', waitUntil: null });
  });

  it('asks first when the estimate exceeds three minutes', async () => {
    // 1 page covers 1/100 of the window: ~99 pages left at 3 s each ≈ 5 min.
    const src = fakeSource(100);
    const { driver } = driverFor(src);
    expect(driver.progress().etaMs).toBe(99 * 3_000);
    driver.start();
    expect(driver.state.phase).toBe('confirming');
    driver.dismiss();
    expect(driver.state.phase).toBe('idle');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(src.requestTimes).toHaveLength(0);
    driver.start();
    driver.confirm();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(src.requestTimes.length).toBeGreaterThan(0);
    driver.cancel();
  });

  it('shows the wait while the query layer retries a rate-limited page itself', async () => {
    const src = fakeSource(3, {}, 10_000);
    const { driver } = driverFor(src);
    driver.start();
    driver.noteFailure(rateLimited(8));
    expect(driver.state.phase).toBe('waiting');
    expect(driver.progress().waitMs).toBe(8_000);
    driver.noteFailure(new Error('other'));
    expect(driver.state.phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(driver.state.phase).toBe('running');
  });

  it('reset forgets the run and ignores the page still in flight', async () => {
    const src = fakeSource(5);
    const { driver } = driverFor(src);
    driver.start();
    await vi.advanceTimersByTimeAsync(100);
    driver.reset();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(driver.state.phase).toBe('idle');
    expect(driver.progress().elapsedMs).toBe(0);
    expect(src.requestTimes).toHaveLength(1);
  });
});
