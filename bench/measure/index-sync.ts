import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Budget } from '../../src/server/upstream/budget.ts';
import { SessionIndex } from '../../src/server/index/session-index.ts';
import { asyncSqliteStore } from '../../src/server/index/sqlite-async.ts';
import { openSqliteStore } from '../../src/server/index/sqlite-store.ts';
import { SubaccountAttribution } from '../../src/server/index/subaccount-attribution.ts';
import { SyncFetcher } from '../../src/server/index/sync-fetch.ts';
import { SyncLoop } from '../../src/server/index/sync-loop.ts';
import { horizonUs, initialSyncState } from '../../src/server/index/sync-plan.ts';
import { createUpstreamClient } from '../../src/server/upstream/upstream-client.ts';
import { startSimulator } from '../../src/simulator/simulator.ts';
import type { Figure } from '../lib/report.ts';
import { percentile, round } from '../lib/stats.ts';

/**
 * The sync loop in simulated time: the simulator's clock is fixed and moved forward by the
 * loop's own waits, and the budget runs on the same clock, so 90 days of backfill at Plivo's
 * real 20 calls a minute take seconds to run and report the minutes they would take. Calls
 * are counted against Plivo's rule (20 in any 60 s), which is what a 429 would punish.
 */
const CALL_MS = 300; // what one call costs on the simulated clock (Plivo's latency)

/**
 * People's own live calls in the steady hour (source=plivo or windows the index does not
 * cover): 6 a minute at random, plus a burst of 8 within 4 s every 10 minutes. Their budget
 * wait is read from the budget's reservation, with sync running and, as the baseline, alone.
 */
function peopleSchedule(fromMs: number): number[] {
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const times: number[] = [];
  for (let t = fromMs; t < fromMs + 3_600_000; t += -Math.log(1 - random()) * 10_000) times.push(t);
  for (let burst = fromMs + 300_000; burst < fromMs + 3_600_000; burst += 600_000) {
    for (let i = 0; i < 8; i++) times.push(burst + i * 500);
  }
  return times.sort((a, b) => a - b);
}

/** Waits (ms) people would get from a budget: refused calls count as their Retry-After. */
function peopleWaits(budget: Budget, times: readonly number[], clock: { set(ms: number): void }) {
  return times.map((t) => {
    clock.set(t);
    const reservation = budget.reserve();
    return reservation.ok ? reservation.waitMs : reservation.retryAfterSeconds * 1000;
  });
}

export type SyncRun = {
  sessionsPerDay: number;
  backfillMinutes: number | null;
  backfillCalls: number | null;
  steadyCallsPerHour: number;
  maxCallsInAnyMinute: number;
  asOfAgeP100Seconds: number;
  peopleP99WaitMs: number;
  peopleP99WaitAloneMs: number;
};

export async function measureSyncInSimulatedTime(
  sessionsPerDay: number,
  withBackfill: boolean,
): Promise<SyncRun> {
  const startMs = Date.parse('2026-11-20T12:00:00Z');
  const sim = await startSimulator({
    seed: 'bench-sync',
    now: startMs,
    sessionsPerDay,
    listRateLimitPerMinute: 1_000_000,
  });
  const clock = sim.simulator.clock;
  const nowMs = () => clock.nowUs() / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const opened = openSqliteStore(join(dir, 'data'));
  if (!opened.ok) throw new Error(opened.reason);
  const calls: number[] = [];
  const client = createUpstreamClient(
    { baseUrl: sim.url, authId: sim.authId, authToken: sim.authToken },
    { timeoutMs: 10_000, userAgent: 'bench' },
  );
  const counted = {
    ...client,
    list: (q: URLSearchParams) => (calls.push(nowMs()), client.list(q)),
  };
  try {
    const index = await SessionIndex.open(asyncSqliteStore(opened.store));
    if (!withBackfill) {
      // Steady state only: start as if the 90 days were already read.
      const nowUs = nowMs() * 1000;
      opened.store.writeState('sync', {
        ...initialSyncState(),
        coveredFromUs: horizonUs(nowUs),
        coveredToUs: nowUs - 60_000_000,
        asOfUs: nowUs - 60_000_000,
        settledToUs: nowUs - 25 * 60_000_000,
      });
    }
    const budget = new Budget({ perWindow: 20, queueSize: 20, maxWaitMs: 5000, now: nowMs });
    const fetcher = new SyncFetcher(counted, budget, { share: 0.5 }, () => {}, nowMs);
    const loop = new SyncLoop({
      index,
      fetcher,
      now: nowMs,
      retentionDays: 400,
      attribution: new SubaccountAttribution(index, client, sim.authId),
    });
    await loop.restore();
    const step = async () => {
      const waitMs = await loop.step();
      clock.advance(Math.max(waitMs, CALL_MS) / 1000);
    };
    let backfillMinutes: number | null = null;
    let backfillCalls: number | null = null;
    if (withBackfill) {
      while (loop.status().state !== 'live') {
        await step();
      }
      backfillMinutes = round((nowMs() - startMs) / 60_000, 0);
      backfillCalls = calls.length;
    }
    const steadyFrom = nowMs();
    const callsBefore = calls.length;
    let worstAge = 0;
    const people = peopleSchedule(steadyFrom);
    const waits: number[] = [];
    let next = 0;
    while (nowMs() - steadyFrom < 3_600_000) {
      const waitMs = Math.max(await loop.step(), CALL_MS);
      const until = nowMs() + waitMs;
      // People's calls that fall inside this wait reserve their slots at their own times.
      while ((people[next] ?? Infinity) < until) {
        clock.advance(((people[next] ?? 0) - nowMs()) / 1000);
        const reservation = budget.reserve();
        waits.push(reservation.ok ? reservation.waitMs : reservation.retryAfterSeconds * 1000);
        next++;
      }
      clock.advance((until - nowMs()) / 1000);
      // Steady state: after the first 10 minutes (start-up probes and catch-up done).
      const asOf = loop.coverage()?.asOfUs ?? 0;
      if (nowMs() - steadyFrom > 600_000) worstAge = Math.max(worstAge, nowMs() - asOf / 1000);
    }
    return {
      sessionsPerDay,
      backfillMinutes,
      backfillCalls,
      steadyCallsPerHour: calls.length - callsBefore,
      maxCallsInAnyMinute: maxIn(calls, 60_000),
      asOfAgeP100Seconds: round(worstAge / 1000, 0),
      peopleP99WaitMs: round(percentile(waits, 99), 0),
      peopleP99WaitAloneMs: round(percentile(aloneWaits(people), 99), 0),
    };
  } finally {
    opened.store.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function aloneWaits(times: readonly number[]): number[] {
  let now = times[0] ?? 0;
  const budget = new Budget({ perWindow: 20, queueSize: 20, maxWaitMs: 5000, now: () => now });
  return peopleWaits(budget, times, { set: (ms) => (now = ms) });
}

function maxIn(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? 0) <= (times[i] ?? 0) - windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

export function syncFigures(runs: SyncRun[]): Figure[] {
  return runs.flatMap((r) => {
    const group = `index sync at ${r.sessionsPerDay.toLocaleString('en')} sessions/day`;
    const figures: Figure[] = [];
    if (r.backfillMinutes !== null) {
      figures.push({
        group,
        label: '90-day backfill at 20 calls/min, default share',
        value: round(r.backfillMinutes / 60, 1),
        unit: 'h',
        note: `${r.backfillCalls ?? 0} calls, simulated time`,
      });
    }
    figures.push(
      {
        group,
        label: 'steady-state sync calls per hour',
        value: r.steadyCallsPerHour,
        unit: 'calls',
      },
      {
        group,
        label: 'most list calls in any 60 s (Plivo allows 20)',
        value: r.maxCallsInAnyMinute,
        unit: 'calls',
        target: { op: '<=', value: 10 },
      },
      {
        group,
        label: "people's p99 budget wait, with sync",
        value: r.peopleP99WaitMs,
        unit: 'ms',
        target: { op: '<=', value: r.peopleP99WaitAloneMs + 1000 },
        note: `alone: ${r.peopleP99WaitAloneMs} ms (6 live calls/min + bursts of 8)`,
      },
      {
        group,
        label: 'oldest "as of" (minutes 10–60)',
        value: r.asOfAgeP100Seconds,
        unit: 's',
        target: { op: '<=', value: 60 },
      },
    );
    return figures;
  });
}
