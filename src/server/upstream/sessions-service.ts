import type { SessionDetail, SessionsPage } from '../../contract/api.ts';
import { listFiltersToQuery, type ListFilters } from '../../contract/list-filters.ts';
import { parsePlivoList, parsePlivoSession } from '../../contract/parse-plivo.ts';
import type { ApiFailure } from '../http/api-errors.ts';
import type { Budget } from './budget.ts';
import { ReplyCache, type CacheOutcome } from './reply-cache.ts';
import type { UpstreamClient, UpstreamReply } from './upstream-client.ts';
import { failureFromReply, type UpstreamNaming } from './upstream-failures.ts';

/** What one `/api` call got: the value or a failure, plus what it cost (for logs and headers). */
export type ServiceResult<T> = {
  outcome: { ok: true; value: T } | { ok: false; failure: ApiFailure };
  cache: CacheOutcome;
  /** Upstream calls this request itself made (0 when served from cache or a shared call). */
  upstreamCalls: number;
  waitedMs: number;
};

type Loaded<T> = { outcome: ServiceResult<T>['outcome']; waitedMs: number };

type SessionsServiceOptions = {
  client: UpstreamClient;
  naming: UpstreamNaming;
  budgets: { list: Budget; retrieve: Budget };
  cache: { ttlMs: number; maxEntries: number };
  /** Told of every upstream exchange: whether the upstream answered at all. */
  onExchange?: (reachable: boolean) => void;
};

export class SessionsService {
  private readonly lists: ReplyCache<Loaded<SessionsPage>>;
  private readonly details: ReplyCache<Loaded<SessionDetail>>;

  constructor(private readonly options: SessionsServiceOptions) {
    this.lists = new ReplyCache(options.cache);
    this.details = new ReplyCache(options.cache);
  }

  list(filters: ListFilters, fresh: boolean): Promise<ServiceResult<SessionsPage>> {
    const query = listFiltersToQuery(filters);
    return this.cached(this.lists, `list?${query.toString()}`, fresh, () =>
      this.call(
        this.options.budgets.list,
        () => this.options.client.list(query),
        (json) => toPage(json, filters),
      ),
    );
  }

  retrieve(sessionUuid: string, fresh: boolean): Promise<ServiceResult<SessionDetail>> {
    const uuid = sessionUuid.toLowerCase();
    return this.cached(this.details, `get/${uuid}`, fresh, () =>
      this.call(
        this.options.budgets.retrieve,
        () => this.options.client.retrieve(uuid),
        (json) => toDetail(json, uuid),
        uuid,
      ),
    );
  }

  /** Forget every cached reply (the simulator's clock or faults changed under us). */
  clear(): void {
    this.lists.clear();
    this.details.clear();
  }

  private async cached<T extends object>(
    cache: ReplyCache<Loaded<T>>,
    key: string,
    fresh: boolean,
    load: () => Promise<Loaded<T>>,
  ): Promise<ServiceResult<T>> {
    let called = false;
    const { value, outcome } = await cache.get(
      key,
      () => {
        called = true;
        return load();
      },
      { fresh, cacheable: (v) => v.outcome.ok },
    );
    const waitedMs = outcome === 'hit' ? 0 : value.waitedMs;
    return { outcome: value.outcome, cache: outcome, upstreamCalls: called ? 1 : 0, waitedMs };
  }

  private async call<T>(
    budget: Budget,
    send: () => Promise<UpstreamReply>,
    parse: (json: unknown) => Parsed<T>,
    sessionUuid?: string,
  ): Promise<Loaded<T>> {
    const reservation = budget.reserve();
    const refused = (seconds: number, waitedMs: number): Loaded<T> => ({
      outcome: { ok: false, failure: budgetFailure(seconds, this.options.naming) },
      waitedMs,
    });
    if (!reservation.ok) return refused(reservation.retryAfterSeconds, 0);
    await reservation.ready;
    // The upstream may have answered 429 to another call while this one waited its turn.
    const paused = budget.pauseSeconds();
    if (paused > 0) return refused(paused, reservation.waitMs);
    // Replicas: the slot in the budget they share (PostgreSQL), after this server's own.
    const shared = await budget.takeShared();
    if (!shared.ok) return refused(shared.retryAfterSeconds, reservation.waitMs);
    const waitedMs = reservation.waitMs + shared.waitMs;
    const sent = budget.callSent();
    const reply = await send();
    this.options.onExchange?.(reply.kind !== 'timeout' && reply.kind !== 'unreachable');
    const context = { call: sessionUuid ? 'retrieve' : 'list', sessionUuid } as const;
    if (reply.kind === 'ok') {
      budget.upstreamAccepted(sent);
      const parsed = parse(reply.json);
      if (parsed.ok) return { outcome: parsed, waitedMs };
      const bad = { kind: 'bad_reply', detail: parsed.detail } as const;
      return {
        outcome: { ok: false, failure: failureFromReply(bad, this.options.naming, context) },
        waitedMs,
      };
    }
    if (reply.kind === 'http_error' && reply.status === 429) {
      const seconds = budget.upstreamRejected(sent, reply.retryAfterSeconds);
      await budget.sharePause(seconds);
      const failure: ApiFailure = {
        code: 'rate_limited',
        message: `${this.options.naming.name} refused the call as over its rate limit (another client may share the account). The dashboard pauses its calls; try again in ${seconds} s.`,
        retryAfterSeconds: seconds,
      };
      return { outcome: { ok: false, failure }, waitedMs };
    }
    const failure = failureFromReply(reply, this.options.naming, context);
    return { outcome: { ok: false, failure }, waitedMs };
  }
}

function budgetFailure(seconds: number, naming: UpstreamNaming): ApiFailure {
  const whose = naming.mode === 'plivo' ? "Plivo's" : "the simulator's";
  return {
    code: 'rate_limited',
    message: `The dashboard is keeping within ${whose} rate limit for this account. Try again in ${seconds} s.`,
    retryAfterSeconds: seconds,
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

function toPage(json: unknown, filters: ListFilters): Parsed<SessionsPage> {
  const parsed = parsePlivoList(json);
  if (!parsed.ok) return { ok: false, detail: parsed.message };
  const { sessions, problems, hasNext } = parsed.value;
  const limit = parsed.value.limit ?? filters.limit ?? 20;
  const offset = parsed.value.offset ?? filters.offset ?? 0;
  const nextOffset = hasNext ? (offsetOfNext(json) ?? offset + limit) : null;
  const page = { limit, offset, nextOffset };
  const meta = { source: 'plivo', total: null } as const;
  return {
    ok: true,
    value: { sessions, page, problems, fetchedAt: new Date().toISOString(), meta },
  };
}

/** Plivo's `meta.next` is a path with `offset=N`; only that number reaches the browser. */
export function offsetOfNext(json: unknown): number | null {
  const next = (json as { meta?: { next?: unknown } } | null)?.meta?.next;
  if (typeof next !== 'string') return null;
  const match = /[?&]offset=(\d{1,9})(?:&|$)/.exec(next);
  return match ? Number(match[1]) : null;
}

function toDetail(json: unknown, uuid: string): Parsed<SessionDetail> {
  const parsed = parsePlivoSession(json);
  if (!parsed.ok) return { ok: false, detail: parsed.message };
  if (parsed.value.sessionUuid.toLowerCase() !== uuid) {
    return { ok: false, detail: `it is about another session than the one asked for` };
  }
  return {
    ok: true,
    value: { session: parsed.value, raw: json, fetchedAt: new Date().toISOString() },
  };
}
