import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Budget } from './budget.ts';

const WINDOW = 61_000;
let now = 0;
const clock = () => now;

beforeEach(() => {
  now = 1_000_000;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Budget', () => {
  it('lets the first 20 calls start at once and holds the 21st until the window moves', () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 120_000, now: clock });
    for (let i = 0; i < 20; i += 1) expect(budget.reserve()).toMatchObject({ ok: true, waitMs: 0 });
    expect(budget.reserve()).toMatchObject({ ok: true, waitMs: WINDOW });
    expect(budget.state()).toEqual({ perWindow: 20, remaining: 0, queued: 1 });
  });

  it('refuses at once, with the seconds to wait, when the wait would be too long', () => {
    const budget = new Budget({ perWindow: 2, queueSize: 5, maxWaitMs: 5_000, now: clock });
    budget.reserve();
    now += 10_000;
    budget.reserve();
    now += 1_000;
    expect(budget.reserve()).toEqual({ ok: false, retryAfterSeconds: 50, reason: 'wait_too_long' });
    now += 47_000;
    expect(budget.reserve()).toMatchObject({ ok: true, waitMs: 3_000 });
  });

  it('refuses when the queue is full', () => {
    const budget = new Budget({ perWindow: 1, queueSize: 1, maxWaitMs: 600_000, now: clock });
    budget.reserve();
    expect(budget.reserve()).toMatchObject({ ok: true, waitMs: WINDOW });
    expect(budget.reserve()).toEqual({
      ok: false,
      retryAfterSeconds: 2 * 61,
      reason: 'queue_full',
    });
  });

  it('resolves a queued reservation when its slot comes', async () => {
    const budget = new Budget({ perWindow: 1, queueSize: 1, maxWaitMs: 120_000, now: clock });
    budget.reserve();
    const queued = budget.reserve();
    if (!queued.ok) throw new Error('expected a queued slot');
    let started = false;
    void queued.ready.then(() => {
      started = true;
    });
    await vi.advanceTimersByTimeAsync(WINDOW - 1);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(true);
  });

  it('pauses every call after an upstream 429, longer each time in a row', () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 5_000, now: clock });
    expect(budget.upstreamRejected()).toBe(10);
    expect(budget.reserve()).toEqual({ ok: false, retryAfterSeconds: 10, reason: 'wait_too_long' });
    expect(budget.state().remaining).toBe(0);
    expect(budget.upstreamRejected()).toBe(20);
    now += 20_000;
    expect(budget.reserve()).toMatchObject({ ok: true, waitMs: 0 });
    budget.upstreamAccepted();
    expect(budget.upstreamRejected()).toBe(10);
  });

  it('wakes calls queued inside a 429 pause at once and gives their slots back', async () => {
    const budget = new Budget({
      perWindow: 1,
      windowMs: 5_000,
      queueSize: 5,
      maxWaitMs: 120_000,
      now: clock,
    });
    budget.reserve();
    const [inPause, afterPause] = [budget.reserve(), budget.reserve()];
    if (!inPause.ok || !afterPause.ok) throw new Error('expected queued slots');
    const woken: string[] = [];
    void inPause.ready.then(() => woken.push('in pause'));
    void afterPause.ready.then(() => woken.push('after pause'));
    expect(budget.pauseSeconds()).toBe(0);
    expect(budget.upstreamRejected()).toBe(10);
    await vi.advanceTimersByTimeAsync(0);
    expect(woken).toEqual(['in pause']);
    expect(budget.pauseSeconds()).toBe(10);
    expect(budget.state()).toEqual({ perWindow: 1, remaining: 0, queued: 1 });
    now += 10_000;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(woken).toEqual(['in pause', 'after pause']);
    expect(budget.pauseSeconds()).toBe(0);
  });

  it('never lets more than perWindow calls start in any window, whatever the arrivals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 300 }),
        (perWindow, gaps) => {
          now = 0;
          const budget = new Budget({ perWindow, queueSize: 10, maxWaitMs: 30_000, now: clock });
          const starts: number[] = [];
          for (const gap of gaps) {
            now += gap;
            const r = budget.reserve();
            if (r.ok) starts.push(now + r.waitMs);
          }
          starts.sort((a, b) => a - b);
          for (let i = perWindow; i < starts.length; i += 1) {
            const earlier = starts[i - perWindow] ?? 0;
            expect(starts[i]! - earlier).toBeGreaterThanOrEqual(WINDOW);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
