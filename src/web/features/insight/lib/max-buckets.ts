/**
 * The most bars a time chart draws. Its own module: the first screen sizes its `/api/stats`
 * buckets by it, and the bucket arithmetic (time-buckets.ts) loads with the charts.
 */
export const MAX_BUCKETS = 120;
