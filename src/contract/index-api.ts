import { z } from './zod.ts';

/**
 * The session index's `/api` shapes: its coverage (`/api/index`) and the aggregates over a
 * whole matching set (`/api/stats`). Shared by the server and the browser.
 */
const INDEX_STATES = ['off', 'backfilling', 'live', 'error'] as const;
const count = z.int().check(z.nonnegative());

export const indexStatusSchema = z.object({
  state: z.enum(INDEX_STATES),
  /** Every session created in [coveredFrom, coveredTo] is in the index (ISO UTC), or null. */
  coveredFrom: z.nullable(z.string()),
  coveredTo: z.nullable(z.string()),
  /** When the newest sync pass finished reading up to now (ISO UTC): "as of". */
  asOf: z.nullable(z.string()),
  sessions: count,
  syncCallsLastMinute: count,
  lastError: z.nullable(z.string()),
  /** Days Plivo keeps (90) and how many of them are covered, for "Indexing: 3 of 90 days". */
  horizonDays: z.int().check(z.positive()),
  coveredDays: z.number().check(z.nonnegative()),
});
export type IndexStatus = z.infer<typeof indexStatusSchema>;

/** One segment of a breakdown: sessions, how many were verified, how many failed (verdict). */
const segmentCountSchema = z.object({
  key: z.nullable(z.string()),
  sessions: count,
  verified: count,
  failed: count,
});
export type SegmentCount = z.infer<typeof segmentCountSchema>;

export const STATS_BUCKETS = ['auto', '1m', '5m', '15m', '1h', '1d'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];

export const statsSchema = z.object({
  meta: z.object({
    source: z.literal('index'),
    asOf: z.nullable(z.string()),
    /** The window the figures cover, inclusive, ISO UTC. */
    from: z.string(),
    to: z.string(),
    bucket: z.enum(['1m', '5m', '15m', '1h', '1d']),
    bucketMs: z.int().check(z.positive()),
  }),
  total: count,
  verified: count,
  byStatus: z.array(segmentCountSchema),
  byChannel: z.array(segmentCountSchema),
  /** Attempts (not sessions) by channel and attempt status. */
  attempts: z.array(
    z.object({
      channel: z.nullable(z.string()),
      status: z.nullable(z.string()),
      attempts: z.number(),
    }),
  ),
  byCountry: z.array(segmentCountSchema),
  byNetwork: z.array(segmentCountSchema),
  /** Top country × network pairs, key "IN · AirTel". */
  byCountryNetwork: z.array(
    z.extend(segmentCountSchema, {
      country: z.nullable(z.string()),
      network: z.nullable(z.string()),
    }),
  ),
  byVerdict: z.array(segmentCountSchema),
  byApp: z.array(segmentCountSchema),
  buckets: z.array(
    z.object({
      start: z.string(),
      sessions: z.int(),
      inProgress: z.int(),
      verified: z.int(),
      expired: z.int(),
      other: z.int(),
      failed: z.int(),
      /** verified / sessions × 100, null for an empty bucket. */
      verifiedPct: z.nullable(z.number()),
    }),
  ),
  /** Seconds from creation to the last attempt of verified sessions (see README). */
  timeToVerify: z.nullable(
    z.object({ sessions: z.int(), p50Seconds: z.number(), p95Seconds: z.number() }),
  ),
  /** Exact decimal USD (Plivo bills in USD). */
  charges: z.object({ total: z.string(), neverVerified: z.string(), currency: z.literal('USD') }),
});
export type Stats = z.infer<typeof statsSchema>;
