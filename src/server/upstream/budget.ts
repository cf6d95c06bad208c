import type { SharedSlots, SharedTake } from '../db/pg-budget.ts';

/**
 * The upstream call budget: at most `perWindow` calls in ANY window of `windowMs`, shared by
 * every user of the server. A sliding-window log rather than a refilling token bucket: a
 * bucket of 20 that refills one token every 3 s lets 20 + 19 calls through in one minute,
 * which is exactly the burst that earns Plivo's own 429. Calls beyond the budget reserve the
 * next free slot and wait for it, unless the wait would exceed `maxWaitMs` or `queueSize`
 * calls already wait — then they are refused at once with the number of seconds to wait.
 */
type BudgetOptions = {
  perWindow: number;
  windowMs?: number | undefined;
  queueSize: number;
  maxWaitMs: number;
  now?: () => number;
  /**
   * Replicas (DATABASE_URL): the budget all of them share, by name. Each call then also
   * takes its slot there, after this server's own.
   */
  shared?: { slots: SharedSlots; name: string } | undefined;
};

type Reservation =
  | { ok: true; waitMs: number; ready: Promise<void> }
  | { ok: false; retryAfterSeconds: number; reason: 'wait_too_long' | 'queue_full' };

type BudgetState = { perWindow: number; remaining: number; queued: number };

/**
 * Taken just before a call is sent and handed back with its reply: which pause episode the
 * call belongs to, so a 429 to a call sent before the current pause began is not counted twice.
 */
type SentCall = { readonly episode: number };

const BACKOFF_STEPS_MS = [10_000, 20_000, 40_000, 60_000];
/**
 * The longest `Retry-After` obeyed. Plivo's limits are per minute (and per 5 s), so a wait of
 * hours is a misconfigured proxy or a skewed clock behind an HTTP-date; obeying it would stop
 * the dashboard for that long, while after 10 minutes the next call simply asks again.
 */
const MAX_RETRY_AFTER_MS = 10 * 60_000;
/**
 * Replicas: how late after its shared slot a call may be sent and still count at its slot.
 * At most half the shared budget's transit margin (pg-budget.ts), which absorbs it.
 */
const SEND_TOLERANCE_MS = 250;

export class Budget {
  readonly perWindow: number;
  private readonly shared: BudgetOptions['shared'];
  readonly windowMs: number;
  private readonly queueSize: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  /**
   * Start times of calls, ascending: past ones still in the window (at most perWindow) and
   * reserved future ones (at most queueSize), so it never outgrows the budget's own size.
   */
  private starts: number[] = [];
  private blockedUntil = 0;
  private consecutiveRejections = 0;
  /** Pauses begun so far (and resets): calls sent in an earlier episode are already answered. */
  private episode = 0;
  /** Calls waiting for their slot, so a pause can wake them early. */
  private readonly waiters = new Set<{ slot: number; wake: () => void }>();

  constructor(options: BudgetOptions) {
    this.perWindow = options.perWindow;
    // One second of margin: network jitter must not make two calls 60 s apart here arrive
    // 59.9 s apart at Plivo.
    this.windowMs = options.windowMs ?? 61_000;
    this.queueSize = options.queueSize;
    this.maxWaitMs = options.maxWaitMs;
    this.now = options.now ?? Date.now;
    this.shared = options.shared;
  }

  /**
   * Tests only: runs between taking the shared slot and sending, to stand for a replica that
   * stalls there (a busy event loop, a slow reply from PostgreSQL).
   */
  stallForTest: (() => Promise<void>) | null = null;

  /**
   * With replicas: takes the call's slot in the shared budget (after `ready`) and waits for
   * it; refused when it is more than `maxWaitMs` away. Always granted without replicas.
   * Callers send right after this returns. Throws `DatabaseUnavailable` when PostgreSQL
   * cannot be reached.
   */
  async takeShared(maxWaitMs = this.maxWaitMs): Promise<SharedTake> {
    if (!this.shared) return { ok: true, waitMs: 0, id: null };
    const { slots, name } = this.shared;
    // A stale slot is given back and a new one taken; a replica stalling every time gives up.
    for (let attempt = 0; attempt < 3; attempt++) {
      // Local monotonic time before asking: PostgreSQL's "now" for the slot is later than
      // this, so the slot's time is at least `asked + waitMs` on this clock.
      const asked = performance.now();
      const taken = await slots.take(name, this.perWindow, this.windowMs, maxWaitMs);
      if (!taken.ok || taken.id === null) return taken;
      if (taken.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, taken.waitMs));
      await this.stallForTest?.();
      // Other replicas timed their slots from this one's. Sent within the tolerance of its
      // slot (the common case: no second round trip), the transit margin covers the
      // difference; sent later, it must be counted at its real time, and only if every
      // window still allows it then (checked and recorded atomically in PostgreSQL).
      const late = performance.now() - asked - taken.waitMs;
      if (late <= SEND_TOLERANCE_MS) return taken;
      if (await slots.confirm(taken.id, this.perWindow, this.windowMs, SEND_TOLERANCE_MS)) {
        return taken;
      }
    }
    return { ok: false, retryAfterSeconds: 1 };
  }

  /** Claims a slot for one upstream call; `ready` resolves when the call may start. */
  reserve(): Reservation {
    const now = this.now();
    this.prune(now);
    const slot = this.nextSlot(now);
    const waitMs = slot - now;
    if (waitMs > 0 && this.queued(now) >= this.queueSize) {
      return { ok: false, retryAfterSeconds: toSeconds(waitMs), reason: 'queue_full' };
    }
    if (waitMs > this.maxWaitMs) {
      return { ok: false, retryAfterSeconds: toSeconds(waitMs), reason: 'wait_too_long' };
    }
    // Usually the latest slot, but after a pause gave slots back a new one can fall before a
    // kept later one; `nextSlot` and `prune` rely on the order.
    const last = this.starts.at(-1);
    if (last === undefined || slot >= last) this.starts.push(slot);
    else this.starts.splice(this.firstAfter(slot), 0, slot);
    const ready = waitMs > 0 ? this.waitFor(slot, waitMs) : Promise.resolve();
    return { ok: true, waitMs, ready };
  }

  private waitFor(slot: number, waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = {
        slot,
        wake: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, waitMs);
      this.waiters.add(waiter);
    });
  }

  /** Call right before sending an upstream call (after `ready` and a `pauseSeconds` check). */
  callSent(): SentCall {
    return { episode: this.episode };
  }

  /**
   * The upstream answered 429 although we kept to the budget (another client shares the
   * account): pause all calls, longer each time it happens in a row, and at least as long as
   * the upstream's own `Retry-After` asks. Returns the seconds left.
   * A 429 to a call sent before the current pause began is part of the burst that began it
   * (calls already in flight then): counting each would turn one burst into the longest pause.
   * Its Retry-After is not read either: the burst's first 429 set the pause.
   */
  upstreamRejected(call: SentCall, retryAfterSeconds?: number | null): number {
    const now = this.now();
    if (call.episode !== this.episode) return toSeconds(this.blockedUntil - now);
    const step =
      BACKOFF_STEPS_MS[Math.min(this.consecutiveRejections, BACKOFF_STEPS_MS.length - 1)];
    const asked = Math.min((retryAfterSeconds ?? 0) * 1000, MAX_RETRY_AFTER_MS);
    const pauseMs = Math.max(step ?? 60_000, asked);
    this.consecutiveRejections += 1;
    this.episode += 1;
    const until = Math.max(this.blockedUntil, now + pauseMs);
    this.blockedUntil = until;

    // Calls queued for a slot inside the pause would only be refused when it comes (see
    // pauseSeconds): wake them now, and give their slots back.
    for (const waiter of this.waiters) if (waiter.slot < until) waiter.wake();
    this.starts = this.starts.filter((t) => t <= now || t >= until);
    return toSeconds(until - now);
  }

  /**
   * With replicas: after `upstreamRejected`, every replica pauses as long (Plivo's limit is
   * the account's). Without PostgreSQL at hand this server still pauses on its own.
   */
  async sharePause(seconds: number): Promise<void> {
    await this.shared?.slots.pause(this.shared.name, seconds * 1000).catch(() => {});
  }

  /**
   * Seconds left of a pause after an upstream 429 (0 when none). A call queued before the 429
   * checks it when its slot comes: it must not add to the calls the upstream already refuses.
   */
  pauseSeconds(): number {
    const left = this.blockedUntil - this.now();
    return left > 0 ? toSeconds(left) : 0;
  }

  /** A success only ends the run of 429s if the call was sent after the latest pause began. */
  upstreamAccepted(call: SentCall): void {
    if (call.episode === this.episode) this.consecutiveRejections = 0;
  }

  /** Test mode only: forget past calls and pauses (the simulator's budget was reset too). */
  reset(): void {
    this.starts = this.starts.filter((t) => t > this.now());
    this.blockedUntil = 0;
    this.consecutiveRejections = 0;
    // Replies to calls sent before the reset belong to the state it forgot.
    this.episode += 1;
  }

  state(): BudgetState {
    const now = this.now();
    this.prune(now);
    const used = this.starts.length;
    const remaining = now < this.blockedUntil ? 0 : Math.max(0, this.perWindow - used);
    return { perWindow: this.perWindow, remaining, queued: this.queued(now) };
  }

  private nextSlot(now: number): number {
    let slot = Math.max(now, this.blockedUntil);
    const n = this.starts.length;
    if (n >= this.perWindow) {
      // The new call may start once the perWindow-th most recent one leaves the window.
      const oldest = this.starts[n - this.perWindow] ?? 0;
      slot = Math.max(slot, oldest + this.windowMs);
    }
    return slot;
  }

  private queued(now: number): number {
    return this.starts.length - this.firstAfter(now);
  }

  /** Drops calls that left the window: the log holds at most perWindow + queueSize entries. */
  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.starts.length && (this.starts[0] ?? 0) <= cutoff) this.starts.shift();
  }

  /** Index of the first start later than `t` (binary search of the ascending log). */
  private firstAfter(t: number): number {
    let [lo, hi] = [0, this.starts.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] ?? 0) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
