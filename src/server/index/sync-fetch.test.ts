import { describe, expect, it } from 'vitest';
import { Budget } from '../upstream/budget.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';
import { DEMAND_WINDOWS, PeopleDemand, QUIET_PART, SyncFetcher } from './sync-fetch.ts';

// The sync's fetch policy on a fake clock: the real budget (Plivo's 20 in any 61 s) shared
// with "people" who reserve slots as the dashboard's requests do, and a fake Plivo.
const WINDOW = 61_000;
const QUIET = WINDOW * QUIET_PART;

function setUp(share = 0.5) {
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const budget = new Budget({ perWindow: 20, queueSize: 20, maxWaitMs: 120_000, now });
  const syncCalls: number[] = [];
  const client: UpstreamClient = {
    list: async () => {
      syncCalls.push(clock.now);
      return { kind: 'ok', json: { api_id: 'x', meta: { next: null }, sessions: [] } };
    },
    retrieve: async () => ({ kind: 'unreachable', detail: 'not used' }),
    subaccounts: async () => ({ kind: 'unreachable', detail: 'not used' }),
    probe: async () => true,
    host: 'fake',
  };
  const fetcher = new SyncFetcher(client, budget, { share }, () => {}, now);
  const waits: number[] = [];
  const person = () => {
    const r = budget.reserve();
    waits.push(r.ok ? r.waitMs : r.retryAfterSeconds * 1000);
  };
  /** Advances the clock to `until`, the sync trying a call every 250 ms (greedy). */
  const run = async (until: number, people: number[] = [], keep = 0) => {
    const due = [...people].sort((a, b) => a - b);
    while (clock.now < until) {
      while (due.length && (due[0] ?? Infinity) <= clock.now) {
        due.shift();
        person();
      }
      await fetcher.list(new URLSearchParams(), keep);
      clock.now += 250;
    }
  };
  return { clock, budget, fetcher, syncCalls, waits, person, run };
}

function maxInAnyWindow(times: readonly number[], windowMs = WINDOW): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? 0) <= (times[i] ?? 0) - windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** People's calls: `count` spread over `spanMs` from `at`. */
const spread = (at: number, count: number, spanMs: number) =>
  Array.from({ length: count }, (_, i) => at + Math.floor((i * spanMs) / count));

describe('the sync fetch policy', () => {
  it('never uses more than its share of any window when people are away', async () => {
    const t = setUp();
    await t.run(t.clock.now + 10 * WINDOW);
    expect(t.syncCalls.length).toBeGreaterThanOrEqual(9 * 10);
    expect(maxInAnyWindow(t.syncCalls)).toBe(10);
  });

  it('keeps to a smaller share', async () => {
    const t = setUp(0.25);
    await t.run(t.clock.now + 5 * WINDOW);
    expect(maxInAnyWindow(t.syncCalls)).toBe(5);
  });

  it('never calls while a person waits for a slot, or while a 429 pause runs', async () => {
    const t = setUp();
    for (let i = 0; i < 21; i++) t.person();
    expect(t.budget.state().queued).toBe(1);
    expect(t.fetcher.mayCall()).toBe(false);
    expect(await t.fetcher.list(new URLSearchParams())).toEqual({ kind: 'not_now' });

    const paused = setUp();
    paused.budget.upstreamRejected(paused.budget.callSent(), 30);
    paused.clock.now += QUIET + 1;
    expect(paused.fetcher.mayCall()).toBe(false);
    expect(paused.syncCalls).toEqual([]);
  });

  it('waits for a burst of people to end before it takes a slot', async () => {
    const t = setUp();
    t.person();
    expect(t.fetcher.mayCall()).toBe(false);
    t.clock.now += QUIET - 1;
    expect(t.fetcher.mayCall()).toBe(false);
    t.person();
    expect(t.fetcher.mayCall()).toBe(false);
    t.clock.now += QUIET - 1;
    expect(t.fetcher.mayCall()).toBe(false);
    t.clock.now += 1;
    expect(t.fetcher.mayCall()).toBe(true);
  });

  it('leaves people the slots of their busiest recent window, then takes its share back', async () => {
    const t = setUp();
    const start = t.clock.now;
    // People use 16 of the 20 slots in one window (a burst of 8 and 8 more around it).
    const people = [...spread(start, 8, 50_000), ...spread(start + 20_000, 8, 4_000)].sort(
      (a, b) => a - b,
    );
    for (const at of people) {
      t.clock.now = at;
      t.person();
      t.fetcher.cap();
    }
    expect(t.fetcher.cap()).toBe(4);
    await t.run(start + (DEMAND_WINDOWS - 1) * WINDOW);
    expect(t.waits.every((w) => w === 0)).toBe(true);
    expect(maxInAnyWindow(t.syncCalls)).toBe(4);
    // Quiet for longer than the look-back: the whole share again.
    const later = t.syncCalls.length;
    await t.run(start + (DEMAND_WINDOWS + 3) * WINDOW);
    expect(t.fetcher.cap()).toBe(10);
    expect(maxInAnyWindow(t.syncCalls.slice(later))).toBe(10);
  });

  it('makes no person wait while people repeat their recent demand, however busy the sync', async () => {
    const t = setUp();
    const start = t.clock.now;
    // Background calls every 10 s and a burst of 8 every 5 minutes: up to 14 in a window.
    const people: number[] = [];
    for (let at = start; at < start + 40 * 60_000; at += 10_000) people.push(at);
    for (let at = start + 60_000; at < start + 40 * 60_000; at += 300_000) {
      people.push(...spread(at, 8, 4_000));
    }
    await t.run(start + 40 * 60_000, people);
    // The first burst came unannounced: from the second on, nobody waits.
    const firstBurstEnd = people.filter((p) => p <= start + 64_000).length;
    expect(t.waits.slice(firstBurstEnd + 6).every((w) => w === 0)).toBe(true);
    expect(maxInAnyWindow(t.syncCalls)).toBeLessThanOrEqual(10);
    // …and the sync still gets the slots people leave.
    expect(t.syncCalls.length).toBeGreaterThan(35 * 5);
  });

  it('catch-up reads leave `keep` slots for head passes', async () => {
    const t = setUp();
    const read = async (keep: number) => (await t.fetcher.list(new URLSearchParams(), keep)).kind;
    for (let i = 0; i < 6; i++) expect(await read(4)).toBe('page');
    expect(await read(4)).toBe('not_now');
    for (let i = 0; i < 4; i++) expect(await read(0)).toBe('page');
    expect(await read(0)).toBe('not_now');
    // A catch-up read waits until its own calls leave the window; a head pass may come first.
    expect(t.fetcher.msUntilShareFrees(4)).toBe(WINDOW);
    await t.run(t.clock.now + 3 * WINDOW, [], 4);
    expect(maxInAnyWindow(t.syncCalls.slice(10))).toBe(6);
  });

  it('catch-up reads also wait while people use their share of the window now', async () => {
    const t = setUp();
    for (let i = 0; i < 10; i++) t.person();
    t.fetcher.cap();
    t.clock.now += QUIET;
    expect(t.fetcher.mayCall(2)).toBe(false);
    expect(t.fetcher.mayCall(0)).toBe(true);
  });
});

describe("people's demand", () => {
  it('is the busiest sample within the look-back; the newest sample stays', () => {
    const d = new PeopleDemand(1000);
    d.observe(0, 5);
    d.observe(100, 9);
    d.observe(200, 3);
    expect(d.peak(300)).toBe(9);
    expect(d.peak(1099)).toBe(9);
    expect(d.peak(1100)).toBe(3);
    expect(d.peak(50_000)).toBe(3);
    expect(d.roseWithin(150, 100)).toBe(true);
    expect(d.roseWithin(200, 100)).toBe(false);
  });
});
