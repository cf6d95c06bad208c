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
 * cover): calls at random (`perMinute` on average) plus a burst of `burst` within a few
 * seconds every 10 minutes, drawn from `seed`. Their budget wait is read from the budget's
 * reservation, with sync running and, as the baseline, alone.
 */
export type PeopleLoad = { name: string; perMinute: number; burst: number };

/** Within people's half of the budget: their busiest minute stays around 10–14 calls. */
export const WITHIN_SHARE: PeopleLoad = { name: 'within their half', perMinute: 4, burst: 6 };
/** Past it: people alone reach 16–23 calls in their busiest minutes, of Plivo's 20. */
export const HEAVY: PeopleLoad = { name: 'heavy', perMinute: 6, burst: 8 };
/** People's calls are drawn from each seed in turn: three draws, reported as a spread. */
export const SEEDS = [7, 8, 9] as const;

function peopleSchedule(fromMs: number, load: PeopleLoad, seed: number): number[] {
  let state = seed;
  const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  const meanGapMs = 60_000 / load.perMinute;
  const times: number[] = [];
  for (let t = fromMs; t < fromMs + 3_600_000; t += -Math.log(1 - random()) * meanGapMs) {
    times.push(t);
  }
  for (let burst = fromMs + 300_000; burst < fromMs + 3_600_000; burst += 600_000) {
    for (let i = 0; i < load.burst; i++) times.push(burst + i * 500);
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
  people: PeopleLoad;
  seed: number;
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
  people: PeopleLoad = HEAVY,
  seed = 7,
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
    const schedule = peopleSchedule(steadyFrom, people, seed);
    const waits: number[] = [];
    let next = 0;
    while (nowMs() - steadyFrom < 3_600_000) {
      const waitMs = Math.max(await loop.step(), CALL_MS);
      const until = nowMs() + waitMs;
      // People's calls that fall inside this wait reserve their slots at their own times.
      while ((schedule[next] ?? Infinity) < until) {
        clock.advance(((schedule[next] ?? 0) - nowMs()) / 1000);
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
      people,
      seed,
      backfillMinutes,
      backfillCalls,
      steadyCallsPerHour: calls.length - callsBefore,
      maxCallsInAnyMinute: maxIn(calls, 60_000),
      asOfAgeP100Seconds: round(worstAge / 1000, 0),
      peopleP99WaitMs: round(percentile(waits, 99), 0),
      peopleP99WaitAloneMs: round(percentile(aloneWaits(schedule), 99), 0),
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

/** Figures per rate and people load, each over its seeds: the worst seed, the spread in the note. */
export function syncFigures(runs: SyncRun[]): Figure[] {
  const groups = new Map<string, SyncRun[]>();
  for (const run of runs) {
    const key = `index sync at ${run.sessionsPerDay.toLocaleString('en')} sessions/day, people ${run.people.name}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups].flatMap(([group, seeds]) => {
    const spread = (pick: (r: SyncRun) => number | string) => seeds.map(pick).join(' / ');
    const seedsNote = `seeds ${spread((r) => r.seed)}`;
    const figures: Figure[] = [];
    for (const r of seeds) {
      if (r.backfillMinutes === null) continue;
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
        value: Math.max(...seeds.map((r) => r.steadyCallsPerHour)),
        unit: 'calls',
        note: `${spread((r) => r.steadyCallsPerHour)} (${seedsNote})`,
      },
      {
        group,
        label: 'most list calls in any 60 s (Plivo allows 20)',
        value: Math.max(...seeds.map((r) => r.maxCallsInAnyMinute)),
        unit: 'calls',
        target: { op: '<=', value: 10 },
      },
      {
        group,
        label: "people's p99 budget wait with sync, over alone (worst seed)",
        value: Math.max(...seeds.map((r) => r.peopleP99WaitMs - r.peopleP99WaitAloneMs)),
        unit: 'ms',
        target: { op: '<=', value: 1000 },
        note: `p99 ${spread((r) => r.peopleP99WaitMs)} ms, alone ${spread((r) => r.peopleP99WaitAloneMs)} ms (${seedsNote}; ${seeds[0]?.people.perMinute} live calls/min + bursts of ${seeds[0]?.people.burst})`,
      },
      {
        group,
        label: 'oldest "as of" (minutes 10–60, worst seed)',
        value: Math.max(...seeds.map((r) => r.asOfAgeP100Seconds)),
        unit: 's',
        target: { op: '<=', value: 60 },
        note: `${spread((r) => r.asOfAgeP100Seconds)} s`,
      },
    );
    return figures;
  });
}
