/**
 * Whether the upstream answers, for `/api/health`, without spending the Verify budget: the
 * outcome of the latest real exchange when recent, otherwise a probe of the base URL (any
 * HTTP answer counts), itself remembered briefly so health checks cannot flood the upstream.
 */
const RECENT_MS = 60_000;
const PROBE_TIMEOUT_MS = 3_000;

export class Reachability {
  private last: { at: number; reachable: boolean } | null = null;
  private probing: Promise<boolean> | null = null;

  constructor(
    private readonly probe: (timeoutMs: number) => Promise<boolean>,
    private readonly now: () => number = Date.now,
  ) {}

  record(reachable: boolean): void {
    this.last = { at: this.now(), reachable };
  }

  async check(): Promise<boolean> {
    if (this.last && this.now() - this.last.at < RECENT_MS) return this.last.reachable;
    this.probing ??= this.probe(PROBE_TIMEOUT_MS).then((reachable) => {
      this.record(reachable);
      this.probing = null;
      return reachable;
    });
    return this.probing;
  }
}
