import {
  CONFIRM_ABOVE_MS,
  initialLoadAllState,
  msPerPage,
  progressOf,
  retryAfterSecondsOf,
  type DriverOptions,
  type LoadAllPhase,
  type LoadAllSource,
  type LoadAllState,
} from './load-all-machine.ts';

const MINUTE = 60_000;

/**
 * Runs the page loop. Each run has a generation number: cancel bumps it, so a page that
 * arrives after cancel is kept by the query cache but does not restart the loop.
 */
export class LoadAllDriver {
  state: LoadAllState = initialLoadAllState;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wake: (() => void) | null = null;
  /** Start times of this driver's requests in the last minute: its own budget ledger. */
  private sent: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: DriverOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  progress() {
    return progressOf(this.state, this.options.getSource(), this.options.perMinute, this.now());
  }

  /** The React hook hands over each render's query state (the loop reads it after awaits). */
  setSource(source: LoadAllSource): void {
    this.options.getSource = () => source;
  }

  /** The budget comes from /api/health, which may answer after the driver exists. */
  setPerMinute(perMinute: number): void {
    this.options.perMinute = perMinute;
  }

  /** Asks first when the estimate is long; otherwise starts at once. */
  start(): void {
    if (this.state.phase !== 'idle' && this.state.phase !== 'done') return;
    const eta = this.progress().etaMs;
    const limit = this.options.confirmAboveMs ?? CONFIRM_ABOVE_MS;
    if (eta !== null && eta > limit) this.set({ phase: 'confirming' });
    else this.run();
  }

  confirm(): void {
    if (this.state.phase === 'confirming') this.run();
  }

  dismiss(): void {
    if (this.state.phase === 'confirming') this.set({ phase: 'idle' });
  }

  cancel(): void {
    if (this.state.phase !== 'running' && this.state.phase !== 'waiting') return;
    this.generation += 1;
    this.stopTimer();
    this.endRun('paused', null);
  }

  resume(): void {
    if (this.state.phase === 'paused' || this.state.phase === 'failed') this.run();
  }

  private key: string | null = null;

  /** Resets when the key (filters and window) changes: a run belongs to one query. */
  setKey(key: string): void {
    if (this.key !== null && this.key !== key) this.reset();
    this.key = key;
  }

  /** Forget everything (new filters or window): stops a run without counting it. */
  reset(): void {
    this.generation += 1;
    this.stopTimer();
    this.sent = [];
    this.set(initialLoadAllState);
  }

  /**
   * The query layer may retry a rate-limited page by itself; while it does, show the wait.
   * Call with the query's `failureReason` whenever it changes.
   */
  noteFailure(reason: unknown): void {
    if (this.state.phase !== 'running' && this.state.phase !== 'waiting') return;
    const seconds = retryAfterSecondsOf(reason, this.options.perMinute);
    if (seconds !== null) this.set({ phase: 'waiting', waitUntil: this.now() + seconds * 1000 });
  }

  private run(): void {
    this.generation += 1;
    this.set({
      phase: 'running',
      runningSince: this.now(),
      waitUntil: null,
      error: null,
      pagesAtStart: this.state.pagesAtStart ?? this.options.getSource().pageCount,
    });
    void this.loop(this.generation);
  }

  private async loop(generation: number): Promise<void> {
    const live = () => this.generation === generation;
    while (live()) {
      if (!this.options.getSource().hasNextPage) return this.endRun('done', null);
      await this.waitForBudget(generation);
      if (!live()) return;
      this.sent.push(this.now());
      let result: { hasNextPage?: boolean; error?: unknown };
      try {
        result = await this.options.getSource().fetchNextPage();
      } catch (error) {
        result = { error };
      }
      if (!live()) return;
      if (result.error) {
        const seconds = retryAfterSecondsOf(result.error, this.options.perMinute);
        if (seconds === null) return this.endRun('failed', messageOf(result.error));
        await this.sleep(seconds * 1000, generation);
        continue;
      }
      if (this.state.phase === 'waiting') this.set({ phase: 'running', waitUntil: null });
      else this.options.onChange();
      if (result.hasNextPage === false) return this.endRun('done', null);
    }
  }

  /** Never more than `perMinute` requests in any minute from this driver. */
  private async waitForBudget(generation: number): Promise<void> {
    const now = this.now();
    this.sent = this.sent.filter((t) => t > now - MINUTE);
    const perMinute = Math.max(1, Math.floor(this.options.perMinute));
    if (this.sent.length < perMinute) return;
    const oldest = this.sent[this.sent.length - perMinute] ?? now;
    await this.sleep(Math.max(msPerPage(perMinute), oldest + MINUTE - now), generation);
  }

  private sleep(ms: number, generation: number): Promise<void> {
    this.set({ phase: 'waiting', waitUntil: this.now() + ms });
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wake = null;
        if (this.generation === generation) this.set({ phase: 'running', waitUntil: null });
        resolve();
      }, ms);
    });
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.wake?.();
    this.wake = null;
  }

  private endRun(phase: LoadAllPhase, error: string | null): void {
    const since = this.state.runningSince;
    this.set({
      phase,
      error,
      waitUntil: null,
      runningSince: null,
      elapsedBeforeMs: this.state.elapsedBeforeMs + (since === null ? 0 : this.now() - since),
    });
  }

  private set(patch: Partial<LoadAllState>): void {
    this.state = { ...this.state, ...patch };
    this.options.onChange();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Loading the next page failed.';
}
