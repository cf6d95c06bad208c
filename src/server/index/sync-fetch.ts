import { parsePlivoList, type ParsedList } from '../../contract/parse-plivo.ts';
import type { Budget } from '../upstream/budget.ts';
import { offsetOfNext } from '../upstream/sessions-service.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';

/**
 * One list call made by the sync loop, through the same client and budget as people's
 * requests, but only when it costs them nothing: the budget must have a slot free now, no
 * person waiting, and more than people's share of the window left unused. Sync never
 * queues; it comes back later.
 */
export type SyncShare = {
  /** The sync loop's share of the list budget, 0–1 (INDEX_BUDGET_SHARE). */
  share: number;
  windowMs?: number;
};

export type FetchOutcome =
  | { kind: 'page'; page: ParsedList; nextOffset: number | null }
  | { kind: 'not_now' }
  | { kind: 'failed'; error: string; retryAfterMs: number | null };

export class SyncFetcher {
  /** Start times of the sync loop's own calls, to keep within its share. */
  private readonly calls: number[] = [];
  private readonly windowMs: number;

  constructor(
    private readonly client: UpstreamClient,
    private readonly budget: Budget,
    private readonly settings: SyncShare,
    private readonly onExchange: (reachable: boolean) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = settings.windowMs ?? 61_000;
  }

  /** Calls in the last minute (for `/api/index`). */
  callsLastMinute(): number {
    const since = this.now() - 60_000;
    return this.calls.filter((t) => t > since).length;
  }

  /** The most calls the loop may make in one budget window. */
  get allowance(): number {
    return Math.floor(this.budget.perWindow * this.settings.share);
  }

  /** `keep`: slots of the share to leave free (for head passes, so "as of" stays fresh). */
  mayCall(keep = 0): boolean {
    const now = this.now();
    while (this.calls.length && (this.calls[0] ?? 0) <= now - this.windowMs) this.calls.shift();
    if (this.calls.length >= this.limitFor(keep)) return false;
    if (this.budget.pauseSeconds() > 0) return false;
    const { remaining, queued } = this.budget.state();
    // Never ahead of a person waiting. Backfill and settle reads leave people their whole
    // share free; a head pass (what keeps "as of" fresh, so people's queries need no Plivo
    // call at all) may take any free slot, within the loop's share.
    if (queued > 0) return false;
    return keep === 0 ? remaining > 0 : remaining > this.budget.perWindow - this.allowance;
  }

  /** Milliseconds until the loop's own share frees a slot (0 if it has one). */
  msUntilShareFrees(keep = 0): number {
    const limit = this.limitFor(keep);
    if (this.calls.length < limit) return 0;
    const oldest = this.calls[this.calls.length - limit] ?? this.now();
    return Math.max(0, oldest + this.windowMs - this.now());
  }

  /** Calls allowed in a window when `keep` slots stay free; a tiny share keeps none. */
  private limitFor(keep: number): number {
    return this.allowance - Math.min(keep, Math.max(0, this.allowance - 1));
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
}

function describe(
  reply: Exclude<Awaited<ReturnType<UpstreamClient['list']>>, { kind: 'ok' }>,
): string {
  if (reply.kind === 'timeout') return `no answer within ${reply.timeoutMs} ms`;
  if (reply.kind === 'unreachable') return `upstream unreachable (${reply.detail})`;
  if (reply.kind === 'bad_reply') return `unreadable reply (${reply.detail})`;
  return `upstream answered HTTP ${reply.status}${reply.message ? `: ${reply.message}` : ''}`;
}
