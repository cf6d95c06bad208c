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
    expect(budget.upstreamRejected(budget.callSent())).toBe(10);
    expect(budget.reserve()).toEqual({ ok: false, retryAfterSeconds: 10, reason: 'wait_too_long' });
    expect(budget.state().remaining).toBe(0);
    expect(budget.upstreamRejected(budget.callSent())).toBe(20);
    now += 20_000;
    expect(budget.reserve()).toMatchObject({ ok: true, waitMs: 0 });
    budget.upstreamAccepted(budget.callSent());
    expect(budget.upstreamRejected(budget.callSent())).toBe(10);
  });

  it('goes on to 40 s and then 60 s pauses, and stays at 60 s, while 429s keep coming', () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 5_000, now: clock });
    const pauses = [10, 20, 40, 60, 60].map((expected) => {
      const seconds = budget.upstreamRejected(budget.callSent());
      expect(budget.pauseSeconds()).toBe(expected);
      now += seconds * 1_000;
      return seconds;
    });
    expect(pauses).toEqual([10, 20, 40, 60, 60]);
  });

  it("pauses for the upstream's Retry-After when it is longer than its own step", () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 5_000, now: clock });
    // [own step, Retry-After, pause]: the longer of the two, each time.
    const steps: [number, number | null, number][] = [
      [10, 30, 30],
      [20, 5, 20],
      [40, null, 40],
      [60, 90, 90],
    ];
    for (const [, retryAfter, pause] of steps) {
      expect(budget.upstreamRejected(budget.callSent(), retryAfter)).toBe(pause);
      now += pause * 1_000 - 1;
      expect(budget.pauseSeconds()).toBe(1);
      now += 1;
      expect(budget.pauseSeconds()).toBe(0);
    }
  });

  it('obeys a Retry-After of at most 10 minutes', () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 5_000, now: clock });
    expect(budget.upstreamRejected(budget.callSent(), 86_400)).toBe(600);
  });

  it('counts 429s to calls sent before the pause began once, then escalates after it', () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 5_000, now: clock });
    const burst = Array.from({ length: 6 }, () => budget.callSent());
    expect(budget.upstreamRejected(burst[0]!)).toBe(10);
    for (const call of burst.slice(1)) {
      now += 1_000;
      // The seconds left of the one pause, which none of them lengthens.
      expect(budget.upstreamRejected(call)).toBe(10 - (now - 1_000_000) / 1_000);
    }
    expect(budget.pauseSeconds()).toBe(5);
    now += 5_000;
    expect(budget.pauseSeconds()).toBe(0);
    const afterPause = budget.callSent();
    expect(budget.upstreamRejected(afterPause)).toBe(20);
    // A late 429 from the first burst neither lengthens the new pause nor escalates.
    expect(budget.upstreamRejected(burst[0]!)).toBe(20);
    now += 20_000;
    expect(budget.upstreamRejected(budget.callSent())).toBe(40);
  });

  it('only lets a call sent after the latest pause began end a run of 429s', () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 5_000, now: clock });
    const [rejected, acceptedLate] = [budget.callSent(), budget.callSent()];
    expect(budget.upstreamRejected(rejected)).toBe(10);
    budget.upstreamAccepted(acceptedLate);
    now += 10_000;
    expect(budget.upstreamRejected(budget.callSent())).toBe(20);
    now += 20_000;
    budget.upstreamAccepted(budget.callSent());
    expect(budget.upstreamRejected(budget.callSent())).toBe(10);
  });

  it('ignores a 429 to a call sent before a test-mode reset', () => {
    const budget = new Budget({ perWindow: 20, queueSize: 5, maxWaitMs: 5_000, now: clock });
    const beforeReset = budget.callSent();
    budget.reset();
    budget.upstreamRejected(beforeReset);
    expect(budget.pauseSeconds()).toBe(0);
    expect(budget.upstreamRejected(budget.callSent())).toBe(10);
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
    expect(budget.upstreamRejected(budget.callSent())).toBe(10);
    await vi.advanceTimersByTimeAsync(0);
    expect(woken).toEqual(['in pause']);
    expect(budget.pauseSeconds()).toBe(10);
    expect(budget.state()).toEqual({ perWindow: 1, remaining: 0, queued: 1 });
    now += 10_000;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(woken).toEqual(['in pause', 'after pause']);
    expect(budget.pauseSeconds()).toBe(0);
  });

  it('keeps its count right when a call queued beyond a pause outlives the calls before it', () => {
    // A long allowed wait (BUDGET_MAX_WAIT_SECONDS up to 120) lets a slot lie beyond a pause.
    const budget = new Budget({ perWindow: 2, queueSize: 10, maxWaitMs: 120_000, now: clock });
    now = 0;
    for (const at of [0, 1_000, 2_000, 3_000, 4_000]) {
      now = at;
      budget.reserve();
    }
    now = 55_000;
    // The pause gives back the slots at 61 s and 62 s; the one at 122 s stays.
    expect(budget.upstreamRejected(budget.callSent())).toBe(10);
    now = 65_000;
    expect(budget.reserve()).toMatchObject({ ok: true, waitMs: 0 });
    now = 130_000;
    // In the window now: only the call at 122 s (the one at 65 s has left it).
    expect(budget.state()).toEqual({ perWindow: 2, remaining: 1, queued: 0 });
    expect(budget.reserve()).toMatchObject({ ok: true, waitMs: 0 });
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

  it('keeps to the budget when 429 pauses fall among long queued waits', () => {
    const step = fc.record({ gap: fc.integer({ min: 0, max: 20_000 }), rejected: fc.boolean() });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.array(step, { minLength: 1, maxLength: 200 }),
        (perWindow, maxWaitMs, steps) => {
          now = 0;
          const budget = new Budget({ perWindow, queueSize: 10, maxWaitMs, now: clock });
          let starts: number[] = [];
          for (const { gap, rejected } of steps) {
            now += gap;
            if (rejected) {
              // Calls whose slot falls inside the pause are refused when woken: they never start.
              const until = now + budget.upstreamRejected(budget.callSent()) * 1_000;
              starts = starts.filter((t) => t <= now || t >= until);
            } else {
              const r = budget.reserve();
              if (r.ok) starts.push(now + r.waitMs);
            }
          }
          starts.sort((a, b) => a - b);
          for (let i = perWindow; i < starts.length; i += 1) {
            expect(starts[i]! - starts[i - perWindow]!).toBeGreaterThanOrEqual(WINDOW);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
