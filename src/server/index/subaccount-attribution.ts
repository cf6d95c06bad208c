import { z } from 'zod';
import { DAY_US, PLIVO_HORIZON_DAYS } from '../../contract/query-window.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';
import type { SessionIndex } from './session-index.ts';
import type { FetchOutcome, SyncFetcher } from './sync-fetch.ts';

/**
 * Which subaccount sent each session, for a parent account. Plivo's list shows a parent
 * every session of its subaccounts without saying whose; but a Verify app belongs to one
 * account, so one probe per new app and subaccount (`app_uuid=…&subaccount=SA…&limit=1`,
 * from the sync loop's share) settles all of that app's sessions for good. The subaccounts
 * come from Plivo's Subaccount list, an account API outside the Verify budget.
 */
const subaccountList = z.object({
  meta: z.object({ next: z.string().nullable().optional() }).optional(),
  objects: z.array(z.object({ auth_id: z.string().regex(/^SA[A-Z0-9]{18}$/) })),
});

const STATE_KEY = 'subaccounts';
type Saved = { subaccounts: string[] | null; apps: Record<string, string | null> };

export class SubaccountAttribution {
  private subaccounts: string[] | null = null;
  private apps: Record<string, string | null> = {};
  /** Apps waiting for their probes, with the next subaccount to try. */
  private readonly pending = new Map<string, number>();
  private discoverAfterMs = 0;

  constructor(
    private readonly index: SessionIndex,
    private readonly client: UpstreamClient,
    /** The Auth ID the server signs in with: a subaccount owns everything it sees. */
    private readonly ownId: string,
  ) {}

  /** Reads what earlier runs (on any replica) found. */
  async restore(): Promise<void> {
    const saved = (await this.index.store.readState(STATE_KEY)) as Saved | null;
    this.subaccounts = saved?.subaccounts ?? null;
    this.apps = saved?.apps ?? {};
  }

  /** The subaccount to store with a new session (null: the parent, or not known yet). */
  subaccountOf(app: string | null): string | null {
    if (this.ownId.startsWith('SA')) return this.ownId;
    if (!app) return null;
    if (!(app in this.apps) && !this.pending.has(app)) this.pending.set(app, 0);
    return this.apps[app] ?? null;
  }

  hasWork(nowMs: number): boolean {
    if (this.ownId.startsWith('SA')) return false;
    if (this.subaccounts === null) return nowMs >= this.discoverAfterMs;
    return this.subaccounts.length > 0 && this.pending.size > 0;
  }

  /** One unit of work: a discovery, or one probe (which needs a slot of the sync share). */
  async step(
    fetcher: SyncFetcher,
    nowMs: number,
    keep: number,
  ): Promise<'done' | Exclude<FetchOutcome, { kind: 'page' }>> {
    if (this.subaccounts === null) {
      await this.discover(nowMs);
      return 'done';
    }
    const [app, next] = this.pending.entries().next().value ?? [];
    const sub = next === undefined ? undefined : this.subaccounts[next];
    if (!app || next === undefined) return 'done';
    if (!sub) return await this.settle(app, null);
    const since = (nowMs * 1000 - PLIVO_HORIZON_DAYS * DAY_US) / 1000;
    const query = new URLSearchParams({
      app_uuid: app,
      subaccount: sub,
      limit: '1',
      session_time__gte: new Date(since).toISOString().slice(0, 19).replace('T', ' '),
    });
    const outcome = await fetcher.list(query, keep);
    if (outcome.kind !== 'page') return outcome;
    if (outcome.page.sessions.length > 0) return await this.settle(app, sub);
    this.pending.set(app, next + 1);
    return 'done';
  }

  private async settle(app: string, subaccount: string | null): Promise<'done'> {
    this.pending.delete(app);
    this.apps[app] = subaccount;
    await this.index.setSubaccountForApp(app, subaccount);
    await this.save();
    return 'done';
  }

  private async discover(nowMs: number): Promise<void> {
    const found: string[] = [];
    for (let offset = 0; offset < 2000; offset += 20) {
      const reply = await this.client.subaccounts(offset);
      const parsed = reply.kind === 'ok' ? subaccountList.safeParse(reply.json) : null;
      if (!parsed?.success) {
        // Not allowed or not there: try again in an hour, storing sessions as the parent's.
        this.discoverAfterMs = nowMs + 3_600_000;
        return;
      }
      found.push(...parsed.data.objects.map((o) => o.auth_id));
      if (!parsed.data.meta?.next) break;
    }
    this.subaccounts = found;
    await this.save();
  }

  private async save(): Promise<void> {
    const saved: Saved = { subaccounts: this.subaccounts, apps: this.apps };
    await this.index.store.writeState(STATE_KEY, saved);
  }
}
