import type { IndexStatus } from '../../contract/index-api.ts';
import { DAY_US, PLIVO_HORIZON_DAYS, usToIso } from '../../contract/query-window.ts';
import type { SessionIndex } from './session-index.ts';
import type { SubaccountAttribution } from './subaccount-attribution.ts';
import type { FetchOutcome, SyncFetcher } from './sync-fetch.ts';
import {
  DEFAULT_PLAN,
  PAGE,
  afterPage,
  backfillDone,
  initialSyncState,
  nextWindow,
  type IndexView,
  type PlanSettings,
  type SyncState,
  type SyncWindow,
} from './sync-plan.ts';

/**
 * The loop that fills the index and keeps it current: one list call at a time, each page
 * stored and the plan's state saved with it, so a restart (even `kill -9`) resumes at the
 * page it stopped at and the uuid key makes a re-read page harmless. Faults back off
 * (5 s doubling to 5 min, or Plivo's pause) and show in the status; they never stop it.
 */
type SyncOptions = {
  index: SessionIndex;
  fetcher: SyncFetcher;
  /** The upstream's clock, ms (the simulator's own clock in simulator mode). */
  now: () => number;
  retentionDays: number;
  attribution: SubaccountAttribution;
  plan?: PlanSettings;
  log?: (line: string) => void;
  /**
   * Replicas on a shared store: only the holder syncs; the others follow its writes and
   * its saved state. Absent for the embedded store (one server, always syncing).
   */
  leadership?: Leadership;
};

export type Leadership = {
  /** Whether this replica syncs now (takes the lead when it is free). */
  holds(): Promise<boolean>;
  release(): Promise<void>;
};

const STATE_KEY = 'sync';
const IDLE_MS = 500;
/** The longest the loop sleeps without looking at people's use of the budget. */
const SAMPLE_MS = 1_000;
/** How often a replica that does not sync reads the syncing one's writes. */
const FOLLOW_MS = 2_000;
const PURGE_EVERY_MS = 3_600_000;
const ERROR_AFTER_FAILURES = 3;
/**
 * Share slots kept for head passes, so backfill and settle reads never make "as of" go
 * stale: two passes' worth (a pass every 30 s), sized by the recent passes' pages.
 */
const RECENT_HEADS = 4;

export class SyncLoop {
  private state: SyncState;
  private lastError: string | null = null;
  private failures = 0;
  /** Pages of the last few head passes. */
  private readonly headPages: number[] = [1];
  private lastPurgeMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private leading = false;

  constructor(private readonly options: SyncOptions) {
    this.state = initialSyncState();
  }

  /** Reads the saved plan state (where the last run, on any replica, stopped). */
  async restore(): Promise<void> {
    this.state = (await readState(this.options.index)) ?? initialSyncState();
  }

  /** Whether this replica is the one syncing (always, on the embedded store). */
  get isLeader(): boolean {
    return !this.options.leadership || this.leading;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.options.leadership?.release();
    this.leading = false;
  }

  /** Covered [from, to) and freshness, for deciding whether the index may answer. */
  coverage(): { fromUs: number; toUs: number; asOfUs: number } | null {
    const { coveredFromUs, coveredToUs, asOfUs } = this.state;
    if (coveredFromUs === null || coveredToUs === null || asOfUs === null) return null;
    return { fromUs: coveredFromUs, toUs: coveredToUs, asOfUs };
  }

  status(): IndexStatus {
    const nowUs = this.options.now() * 1000;
    const { coveredFromUs: from, coveredToUs: to, asOfUs } = this.state;
    const live = backfillDone(this.state, nowUs);
    return {
      state: this.failures >= ERROR_AFTER_FAILURES ? 'error' : live ? 'live' : 'backfilling',
      coveredFrom: from === null ? null : usToIso(from),
      coveredTo: to === null ? null : usToIso(to),
      asOf: asOfUs === null ? null : usToIso(asOfUs),
      sessions: this.options.index.sessions,
      syncCallsLastMinute: this.options.fetcher.callsLastMinute(),
      lastError: this.lastError,
      horizonDays: PLIVO_HORIZON_DAYS,
      coveredDays:
        from === null || to === null
          ? 0
          : Math.min(PLIVO_HORIZON_DAYS, Math.round(((to - from) / DAY_US) * 10) / 10),
    };
  }

  /** Runs steps until nothing is due; for tests that drive the loop without timers. */
  async runUntilIdle(maxSteps = 100_000): Promise<void> {
    for (let i = 0; i < maxSteps; i++) {
      const waitMs = await this.step();
      if (waitMs > 0) return;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.turn()
        .catch((error: unknown) => {
          this.fail(`sync step failed: ${error instanceof Error ? error.message : 'error'}`);
          return 5_000;
        })
        .then((next) => this.schedule(next));
    }, ms);
    this.timer.unref();
  }

  /**
   * On a shared store, a replica that does not hold the lead follows the one that does;
   * taking the lead, it first catches up with the store, then continues where the last
   * leader stopped.
   */
  private async turn(): Promise<number> {
    const { leadership, index } = this.options;
    if (leadership) {
      const leads = await leadership.holds();
      if (!leads || !this.leading) {
        // State first: the rows it covers were written before it, so the follow reads them.
        await this.restore();
        await index.follow();
      }
      if (!leads) {
        this.leading = false;
        return FOLLOW_MS;
      }
      if (!this.leading) {
        await this.options.attribution.restore();
        this.leading = true;
        this.options.log?.('index sync: this replica now syncs (it holds the sync lead).');
      }
    }
    return this.step();
  }

  /** One step; returns how long to wait before the next (0 = go on at once). */
  async step(): Promise<number> {
    const { index, fetcher, now } = this.options;
    const nowUs = now() * 1000;
    await this.purge(nowUs);
    const headSlots = 2 * Math.max(1, ...this.headPages);
    if (this.options.attribution.hasWork(nowUs / 1000) && fetcher.mayCall(headSlots)) {
      const keep = headSlots;
      const done = await this.options.attribution.step(fetcher, nowUs / 1000, keep);
      return done === 'done' ? 0 : this.notStored(done);
    }
    const plan = this.options.plan ?? DEFAULT_PLAN;
    const window = nextWindow(this.state, nowUs, plan, this.view);
    if (!window) {
      // Nothing due: look at people's use again within a second (to see their bursts).
      fetcher.cap();
      const dueMs = ((this.state.asOfUs ?? nowUs) + plan.headEveryUs - nowUs) / 1000;
      return Math.max(IDLE_MS, Math.min(dueMs, SAMPLE_MS));
    }
    const keep = window.kind === 'head' ? 0 : headSlots;
    if (!fetcher.mayCall(keep)) {
      // A blocked backfill or settle read must not sleep through the next head pass.
      const headDueMs = ((this.state.asOfUs ?? nowUs) + plan.headEveryUs - nowUs) / 1000;
      return Math.max(IDLE_MS, Math.min(fetcher.msUntilShareFrees(keep), headDueMs, SAMPLE_MS));
    }
    const outcome = await fetcher.list(queryFor(window), keep);
    if (outcome.kind !== 'page') return this.notStored(outcome);
    const { page, nextOffset } = outcome;
    const { attribution } = this.options;
    await index.write(
      page.sessions.map((session) => ({
        session,
        subaccount: attribution.subaccountOf(session.appUuid),
      })),
    );
    const entries = page.sessions.length + page.problems.length;
    const rows = nextOffset !== null ? nextOffset - window.offset : entries;
    const pages = Math.floor(window.offset / PAGE) + 1;
    if (window.kind === 'head' && !page.hasNext) {
      this.headPages.push(pages);
      if (this.headPages.length > RECENT_HEADS) this.headPages.shift();
    }
    await this.save(
      afterPage(
        this.state,
        window,
        { rows: Math.max(rows, 1), hasMore: page.hasNext, pages },
        plan,
      ),
    );
    this.failures = 0;
    this.lastError = null;
    return 0;
  }

  /** What the plan reads of the index. */
  private readonly view: IndexView = {
    countIn: (fromUs, toUs) => this.options.index.countCreatedIn(fromUs, toUs),
    nthFrom: (fromUs, n) => this.options.index.nthCreatedFrom(fromUs, n),
  };

  /** How long to wait after a call that stored nothing; failures back off and show. */
  private notStored(
    outcome: Exclude<FetchOutcome, { kind: 'page' }> | { kind: 'not_now' },
  ): number {
    if (outcome.kind === 'not_now') return IDLE_MS;
    this.fail(outcome.error);
    const backoff = Math.min(300_000, 5_000 * 2 ** Math.min(this.failures - 1, 6));
    return Math.max(backoff, outcome.retryAfterMs ?? 0);
  }

  private fail(error: string): void {
    this.failures++;
    this.lastError = error;
    this.options.log?.(`index sync: ${error}`);
  }

  private async save(state: SyncState): Promise<void> {
    this.state = state;
    await this.options.index.store.writeState(STATE_KEY, state);
  }

  private async purge(nowUs: number): Promise<void> {
    if (nowUs / 1000 - this.lastPurgeMs < PURGE_EVERY_MS) return;
    this.lastPurgeMs = nowUs / 1000;
    const cutoff = nowUs - this.options.retentionDays * DAY_US;
    const removed = await this.options.index.deleteCreatedBefore(cutoff);
    if (removed)
      this.options.log?.(
        `index: removed ${removed} sessions older than ${this.options.retentionDays} days`,
      );
    if (this.state.coveredFromUs !== null && this.state.coveredFromUs < cutoff) {
      await this.save({ ...this.state, coveredFromUs: cutoff });
    }
  }
}

async function readState(index: SessionIndex): Promise<SyncState | null> {
  const saved = (await index.store.readState(STATE_KEY)) as SyncState | null;
  if (!saved || typeof saved !== 'object' || !('chunkUs' in saved)) return null;
  return { ...initialSyncState(), ...saved };
}

/** Plivo's time filter format, UTC, to the microsecond. */
function plivoTimeUs(us: number): string {
  return usToIso(us).replace('T', ' ').replace('Z', '');
}

function queryFor(window: SyncWindow): URLSearchParams {
  return new URLSearchParams({
    session_time__gte: plivoTimeUs(window.fromUs),
    session_time__lt: plivoTimeUs(window.toUs),
    limit: String(PAGE),
    offset: String(window.offset),
  });
}
