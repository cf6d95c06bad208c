import { LRUCache } from 'lru-cache';

/**
 * Keeps link creation modest: every link is a row kept for ever (unless SHORT_LINK_TTL_DAYS),
 * so one client in a loop must not fill the disk. Fixed one-minute windows, per viewer (the
 * user, or the client address without sign-in) and for the whole server.
 */
const CREATION_LIMITS = { perViewer: 30, perServer: 600, windowMs: 60_000 };

type Window = { count: number; resetsAt: number };

export class CreationLimit {
  private readonly byViewer = new LRUCache<string, Window>({
    max: 10_000,
    ttl: CREATION_LIMITS.windowMs,
  });
  private server: Window = { count: 0, resetsAt: 0 };

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one creation; 0 when allowed, else whole seconds until the viewer may try again. */
  take(viewer: string): number {
    const now = this.now();
    if (this.server.resetsAt <= now)
      this.server = { count: 0, resetsAt: now + CREATION_LIMITS.windowMs };
    let mine = this.byViewer.get(viewer);
    if (!mine || mine.resetsAt <= now) {
      mine = { count: 0, resetsAt: now + CREATION_LIMITS.windowMs };
      this.byViewer.set(viewer, mine);
    }
    if (mine.count >= CREATION_LIMITS.perViewer) return Math.ceil((mine.resetsAt - now) / 1000);
    if (this.server.count >= CREATION_LIMITS.perServer) {
      return Math.ceil((this.server.resetsAt - now) / 1000);
    }
    mine.count += 1;
    this.server.count += 1;
    return 0;
  }
}
