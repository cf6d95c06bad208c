import { parsePlivoList, type ParsedList } from '../../contract/parse-plivo.ts';
import type { Budget } from '../upstream/budget.ts';
import { offsetOfNext } from '../upstream/sessions-service.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';

/**
 * One list call made by the sync loop, through the same client and budget as people's
 * requests, but only when it costs them nothing. The sync never queues; it comes back later.
 * It watches people's use of the budget — what the budget has used (`Budget.state()`) less
 * its own calls, looked at every second by the loop — and calls only when:
 *
 * - no person waits for a slot, no 429 pause runs, and a slot is free now;
 * - people's use has not risen in the last twelfth of a window (~5 s): a burst of theirs is
 *   left to finish first;
 * - its own calls in the window stay within its share (INDEX_BUDGET_SHARE) **and** within
 *   what people's recent demand leaves: `perWindow − people's busiest window in the last 15
 *   windows`. As long as people use no more than they did lately, the two never add up to
 *   more than the budget, so no person waits for a slot behind the sync; when people leave
 *   it too little, the sync falls behind ("as of" grows) rather than make them wait;
 * - catch-up reads (settle, backfill, subaccount probes: `keep > 0`) also leave `keep` slots
 *   of that allowance for head passes, so "as of" stays fresh, and people their whole share
 *   free now.
 */
type SyncShare = {
  /** The sync loop's share of the list budget, 0–1 (INDEX_BUDGET_SHARE). */
  share: number;
  windowMs?: number;
};

export type FetchOutcome =
  | { kind: 'page'; page: ParsedList; nextOffset: number | null }
  | { kind: 'not_now' }
  | { kind: 'failed'; error: string; retryAfterMs: number | null };

/** People's recent demand: their busiest window within this many windows (~15 min). */
export const DEMAND_WINDOWS = 15;
/** After people's use rises, the sync waits this part of a window (~5 s) for their burst. */
export const QUIET_PART = 1 / 12;

/**
 * People's calls in the budget's window, as the sync samples them, and their peak over the
 * recent past: a sliding maximum (a deque of decreasing samples), O(1) a sample amortised.
 */
export class PeopleDemand {
  private readonly peaks: { at: number; calls: number }[] = [];
  private last = 0;
  private roseAt = -Infinity;

  constructor(private readonly lookbackMs: number) {}

  observe(at: number, calls: number): void {
    if (calls > this.last) this.roseAt = at;
    this.last = calls;
    while ((this.peaks.at(-1)?.calls ?? Infinity) <= calls) this.peaks.pop();
    this.peaks.push({ at, calls });
    this.forget(at);
  }

  /** The most calls people had in one window, over the lookback. */
  peak(at: number): number {
    this.forget(at);
    return this.peaks[0]?.calls ?? 0;
  }

  /** Whether people's use rose within the last `ms`. */
  roseWithin(at: number, ms: number): boolean {
    return at - this.roseAt < ms;
  }

  private forget(at: number): void {
    // The newest sample stays: it is what the sync last saw of people's use.
    while (this.peaks.length > 1 && (this.peaks[0]?.at ?? at) <= at - this.lookbackMs) {
      this.peaks.shift();
    }
  }
}

export class SyncFetcher {
  /** Start times of the sync loop's own calls in the window, to keep within its share. */
  private readonly calls: number[] = [];
  private readonly windowMs: number;
  private readonly demand: PeopleDemand;

  constructor(
    private readonly client: UpstreamClient,
    private readonly budget: Budget,
    private readonly settings: SyncShare,
    private readonly onExchange: (reachable: boolean) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = settings.windowMs ?? 61_000;
    this.demand = new PeopleDemand(DEMAND_WINDOWS * this.windowMs);
  }

  /** Calls in the last minute (for `/api/index`). */
  callsLastMinute(): number {
    const since = this.now() - 60_000;
    return this.calls.filter((t) => t > since).length;
  }

  /** The most calls the loop may make in one budget window (its share). */
  get allowance(): number {
    return Math.floor(this.budget.perWindow * this.settings.share);
  }

  /** The most calls the loop may have in a window now: its share, less what people need. */
  cap(): number {
    const now = this.now();
    this.sample(now);
    return this.capAt(now);
  }

  /** `keep`: slots of the allowance to leave free (for head passes, so "as of" stays fresh). */
  mayCall(keep = 0): boolean {
    const now = this.now();
    this.prune(now);
    if (this.budget.pauseSeconds() > 0) return false;
    const { remaining, queued } = this.budget.state();
    const used = this.budget.perWindow - remaining;
    this.demand.observe(now, Math.max(0, used - this.calls.length));
    // Never ahead of a person waiting, nor in the middle of people's burst.
    if (queued > 0 || remaining <= 0) return false;
    if (this.demand.roseWithin(now, this.windowMs * QUIET_PART)) return false;
    if (this.calls.length >= this.limit(now, keep)) return false;
    // Catch-up reads also leave people their whole share of this window free now.
    return keep === 0 || used < this.allowance;
  }

  /** Milliseconds until one of the loop's own calls leaves the window (0 if it is not full). */
  msUntilShareFrees(keep = 0): number {
    const now = this.now();
    this.prune(now);
    const limit = this.limit(now, keep);
    if (this.calls.length < limit || this.calls.length === 0) return 0;
    const oldest = this.calls[Math.max(0, this.calls.length - limit)] ?? this.calls[0];
    return Math.max(0, (oldest ?? now) + this.windowMs - now);
  }

  async list(query: URLSearchParams, keep = 0): Promise<FetchOutcome> {
    if (!this.mayCall(keep)) return { kind: 'not_now' };
    const reservation = this.budget.reserve();
    if (!reservation.ok || reservation.waitMs > 0) {
      // Lost a race for the slot: give it back by never using it (it ages out of the window).
      return { kind: 'not_now' };
    }
    // Replicas: never wait for the shared budget either; a slot not free now is not taken.
    if (!(await this.budget.takeShared(0)).ok) return { kind: 'not_now' };
    this.calls.push(this.now());
    const sent = this.budget.callSent();
    const reply = await this.client.list(query);
    this.onExchange(reply.kind !== 'timeout' && reply.kind !== 'unreachable');
    if (reply.kind === 'ok') {
      this.budget.upstreamAccepted(sent);
      const parsed = parsePlivoList(reply.json);
      if (!parsed.ok)
        return { kind: 'failed', error: `unreadable page: ${parsed.message}`, retryAfterMs: null };
      return { kind: 'page', page: parsed.value, nextOffset: offsetOfNext(reply.json) };
    }
    if (reply.kind === 'http_error' && reply.status === 429) {
      const seconds = this.budget.upstreamRejected(sent, reply.retryAfterSeconds);
      await this.budget.sharePause(seconds);
      return {
        kind: 'failed',
        error: 'Plivo answered 429 (rate limit)',
        retryAfterMs: seconds * 1000,
      };
    }
    return { kind: 'failed', error: describe(reply), retryAfterMs: null };
  }

  private capAt(now: number): number {
    const left = this.budget.perWindow - this.demand.peak(now);
    return Math.max(0, Math.min(this.allowance, left));
  }

  /**
   * The loop's own calls allowed in the window: the cap for a head pass; for a catch-up
   * read, the cap less `keep` slots for head passes (a share too small to keep any keeps none).
   */
  private limit(now: number, keep: number): number {
    return this.capAt(now) - Math.min(keep, Math.max(0, this.allowance - 1));
  }

  /** Samples people's use now (outside a 429 pause, when the budget shows no free slot). */
  private sample(now: number): void {
    this.prune(now);
    if (this.budget.pauseSeconds() > 0) return;
    const { remaining } = this.budget.state();
    this.demand.observe(now, Math.max(0, this.budget.perWindow - remaining - this.calls.length));
  }

  private prune(now: number): void {
    while (this.calls.length && (this.calls[0] ?? 0) <= now - this.windowMs) this.calls.shift();
  }
}

function describe(
  reply: Exclude<Awaited<ReturnType<UpstreamClient['list']>>, { kind: 'ok' }>,
): string {
  if (reply.kind === 'timeout') return `no answer within ${reply.timeoutMs} ms`;
  if (reply.kind === 'unreachable') return `upstream unreachable (${reply.detail})`;
  if (reply.kind === 'bad_reply') return `unreadable reply (${reply.detail})`;
  return `upstream answered HTTP ${reply.status}${reply.message ? `: ${reply.message}` : ''}`;
}
