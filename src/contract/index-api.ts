import { z } from './zod.ts';

/**
 * The session index's `/api` shapes: its coverage (`/api/index`) and the aggregates over a
 * whole matching set (`/api/stats`). Shared by the server and the browser.
 */
const INDEX_STATES = ['off', 'backfilling', 'live', 'error'] as const;

export const indexStatusSchema = z.object({
  state: z.enum(INDEX_STATES),
  /** Every session created in [coveredFrom, coveredTo] is in the index (ISO UTC), or null. */
  coveredFrom: z.string().nullable(),
  coveredTo: z.string().nullable(),
  /** When the newest sync pass finished reading up to now (ISO UTC): "as of". */
  asOf: z.string().nullable(),
  sessions: z.number().int().nonnegative(),
  syncCallsLastMinute: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** Days Plivo keeps (90) and how many of them are covered, for "Indexing: 3 of 90 days". */
  horizonDays: z.number().int().positive(),
  coveredDays: z.number().nonnegative(),
});
export type IndexStatus = z.infer<typeof indexStatusSchema>;

/** One segment of a breakdown: sessions, how many were verified, how many failed (verdict). */
const segmentCountSchema = z.object({
  key: z.string().nullable(),
  sessions: z.number().int().nonnegative(),
  verified: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type SegmentCount = z.infer<typeof segmentCountSchema>;

export const STATS_BUCKETS = ['auto', '1m', '5m', '15m', '1h', '1d'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];

export const statsSchema = z.object({
  meta: z.object({
    source: z.literal('index'),
    asOf: z.string().nullable(),
    /** The window the figures cover, inclusive, ISO UTC. */
    from: z.string(),
    to: z.string(),
    bucket: z.enum(['1m', '5m', '15m', '1h', '1d']),
    bucketMs: z.number().int().positive(),
  }),
  total: z.number().int().nonnegative(),
  verified: z.number().int().nonnegative(),
  byStatus: z.array(segmentCountSchema),
  byChannel: z.array(segmentCountSchema),
  /** Attempts (not sessions) by channel and attempt status. */
  attempts: z.array(
    z.object({
      channel: z.string().nullable(),
      status: z.string().nullable(),
      attempts: z.number(),
    }),
  ),
  byCountry: z.array(segmentCountSchema),
  byNetwork: z.array(segmentCountSchema),
  /** Top country × network pairs, key "IN · AirTel". */
  byCountryNetwork: z.array(
    segmentCountSchema.extend({ country: z.string().nullable(), network: z.string().nullable() }),
  ),
  byVerdict: z.array(segmentCountSchema),
  byApp: z.array(segmentCountSchema),
  buckets: z.array(
    z.object({
      start: z.string(),
      sessions: z.number().int(),
      inProgress: z.number().int(),
      verified: z.number().int(),
      expired: z.number().int(),
      other: z.number().int(),
      failed: z.number().int(),
      /** verified / sessions × 100, null for an empty bucket. */
      verifiedPct: z.number().nullable(),
    }),
  ),
  /** Seconds from creation to the last attempt of verified sessions (see README). */
  timeToVerify: z
    .object({ sessions: z.number().int(), p50Seconds: z.number(), p95Seconds: z.number() })
    .nullable(),
  /** Exact decimal USD (Plivo bills in USD). */
  charges: z.object({ total: z.string(), neverVerified: z.string(), currency: z.literal('USD') }),
});
export type Stats = z.infer<typeof statsSchema>;
