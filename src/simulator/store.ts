import {
  HOUR_US,
  creationTimes,
  generateSession,
  sessionCountForHour,
  type GenContext,
  type PlannedSession,
} from './generator.ts';
import { decodeLocator } from './locator.ts';

/**
 * The data set: one compact bucket per UTC hour, built on demand and cached. A bucket keeps
 * only what list filters look at (columnar, so 135k sessions cost a few MB); a page's
 * sessions are regenerated in full from (seed, hour, index) when they are rendered.
 */
export const DAY_US = 24 * HOUR_US;
const RETENTION_US = 90 * DAY_US;

type HourBucket = {
  hour: number;
  count: number;
  createdUs: Float64Array;
  verifiedUs: Float64Array;
  expiresUs: Float64Array;
  app: Uint8Array;
  country: Uint8Array;
  /** The recipient's digits as a number (at most 15 digits, so exact): compared in a scan. */
  recipient: Float64Array;
};

export type SessionRef = { hour: number; index: number };

export type SessionStatus = 'in-progress' | 'verified' | 'expired';

export function statusAt(verifiedUs: number, expiresUs: number, nowUs: number): SessionStatus {
  if (verifiedUs <= nowUs) return 'verified';
  return expiresUs <= nowUs ? 'expired' : 'in-progress';
}

function buildBucket(ctx: GenContext, hour: number): HourBucket {
  const count = sessionCountForHour(ctx, hour);
  const createdUs = creationTimes(ctx, hour, count);
  const bucket: HourBucket = {
    hour,
    count,
    createdUs,
    verifiedUs: new Float64Array(count),
    expiresUs: new Float64Array(count),
    app: new Uint8Array(count),
    country: new Uint8Array(count),
    recipient: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const s = generateSession(ctx, hour, i, createdUs[i] ?? 0, false);
    bucket.verifiedUs[i] = s.verifiedUs;
    bucket.expiresUs[i] = s.expiresUs;
    bucket.app[i] = s.app;
    bucket.country[i] = s.country;
    bucket.recipient[i] = Number(s.recipient);
  }
  return bucket;
}

export type Store = {
  bucket(hour: number): HourBucket;
  session(ref: SessionRef): PlannedSession;
  /** The session a uuid names, if it exists and was created by `nowUs`. */
  find(uuid: string, nowUs: number): (SessionRef & { session: PlannedSession }) | null;
  /** Builds every bucket of the retention window ending at `nowUs` and drops older ones. */
  prefill(nowUs: number): void;
  size(): { buckets: number; sessions: number };
};

export function createStore(ctx: GenContext): Store {
  const buckets = new Map<number, HourBucket>();
  const bucket = (hour: number): HourBucket => {
    let found = buckets.get(hour);
    if (!found) {
      found = buildBucket(ctx, hour);
      buckets.set(hour, found);
    }
    return found;
  };
  const session = ({ hour, index }: SessionRef) =>
    generateSession(ctx, hour, index, bucket(hour).createdUs[index] ?? 0);
  return {
    bucket,
    session,
    find(uuid, nowUs) {
      // Where the uuid points (see locator.ts); null for text that is no uuid of this seed.
      const ref = decodeLocator(ctx.seed, uuid);
      if (!ref) return null;
      const createdUs = hourInWindow(ref.hour, nowUs)
        ? bucket(ref.hour).createdUs[ref.index]
        : undefined;
      if (createdUs === undefined || createdUs > nowUs || createdUs < nowUs - RETENTION_US)
        return null;
      const found = session(ref);
      return found.uuid === uuid.toLowerCase() ? { ...ref, session: found } : null;
    },
    prefill(nowUs) {
      const last = Math.floor(nowUs / HOUR_US);
      const first = Math.floor((nowUs - RETENTION_US) / HOUR_US);
      for (const hour of buckets.keys()) if (hour < first) buckets.delete(hour);
      for (let hour = last; hour >= first; hour--) bucket(hour);
    },
    size() {
      let sessions = 0;
      for (const b of buckets.values()) sessions += b.count;
      return { buckets: buckets.size, sessions };
    },
  };
}

function hourInWindow(hour: number, nowUs: number): boolean {
  return (
    hour <= Math.floor(nowUs / HOUR_US) && hour >= Math.floor((nowUs - RETENTION_US) / HOUR_US)
  );
}
