import { API_ERROR_CODES } from '../../src/contract/api.ts';
import { cannon, type CannonResult } from './cannon.ts';
import type { MemorySample } from './child.ts';
import { hitQuery, missQuery } from './queries.ts';
import { median, round } from './stats.ts';

/**
 * Mixed load against the dashboard server and a judgement of every reply: a page of sessions,
 * or an error body with a known code and a message — anything else is "unclear".
 */
export type ReplyTally = {
  pages: number;
  errors: Record<string, number>;
  unclear: string[];
  /** 429s that say how long to wait (in the body). */
  rateLimitedWithWait: number;
};

export function newTally(): ReplyTally {
  return { pages: 0, errors: {}, unclear: [], rateLimitedWithWait: 0 };
}

const KNOWN = new Set<string>(API_ERROR_CODES);

export function judgeReply(tally: ReplyTally, status: number, body: string): void {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    if (tally.unclear.length < 20) tally.unclear.push(`${status} not JSON: ${body.slice(0, 80)}`);
    return;
  }
  const page = json as { sessions?: unknown };
  if (status === 200 && Array.isArray(page.sessions)) {
    tally.pages += 1;
    return;
  }
  const error = (
    json as { error?: { code?: unknown; message?: unknown; retryAfterSeconds?: unknown } }
  ).error;
  const clear =
    status >= 400 &&
    typeof error?.code === 'string' &&
    KNOWN.has(error.code) &&
    typeof error.message === 'string' &&
    error.message.length > 10;
  if (!clear) {
    if (tally.unclear.length < 20) tally.unclear.push(`${status}: ${body.slice(0, 120)}`);
    return;
  }
  tally.errors[error.code as string] = (tally.errors[error.code as string] ?? 0) + 1;
  if (status === 429 && typeof error.retryAfterSeconds === 'number') tally.rateLimitedWithWait += 1;
}

export type MixedLoad = { cannon: CannonResult; tally: ReplyTally; hitShare: number };

/** `connections` clients for `seconds`: one request in `missEvery` is a unique (uncacheable) query. */
export async function mixedLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  timeoutSeconds: number;
  missEvery: number;
  nowMs: number;
  missBase?: number;
}): Promise<MixedLoad> {
  const tally = newTally();
  // A few fixed queries (the cache-hit side), like several people on a handful of links.
  const hits = [0, 1, 2, 3].map((k) => `/api/sessions?${hitQuery(options.nowMs - k * 60_000)}`);
  const result = await cannon({
    url: options.url,
    connections: options.connections,
    durationSeconds: options.seconds,
    timeoutSeconds: options.timeoutSeconds,
    path: (n) =>
      n % options.missEvery === 0
        ? `/api/sessions?${missQuery(options.nowMs, (options.missBase ?? 0) + n)}`
        : (hits[n % hits.length] ?? hits[0]!),
    onResponse: (status, body) => judgeReply(tally, status, body),
  });
  return { cannon: result, tally, hitShare: 1 - 1 / options.missEvery };
}

export type MemoryTrend = {
  samples: number;
  heapAfterWarmupMb: number;
  heapAtEndMb: number;
  rssAfterWarmupMb: number;
  rssAtEndMb: number;
  /** End ÷ after warm-up, the larger of heap and RSS. */
  growth: number;
};

/**
 * Compares memory just after warm-up (second fifth of the run) with the end (last fifth).
 * The heap under load is a saw-tooth (40–160 MB between collections), so its figure is the
 * floor of each window — what survives a collection; a leak raises the floor. RSS: medians.
 */
export function memoryTrend(
  samples: readonly MemorySample[],
  from: number,
  to: number,
): MemoryTrend {
  const during = samples.filter((s) => s.at >= from && s.at <= to);
  const span = to - from;
  const part = (a: number, b: number) =>
    during.filter((s) => s.at >= from + span * a && s.at <= from + span * b);
  const warm = part(0.2, 0.4);
  const end = part(0.8, 1);
  const mb = (values: MemorySample[], key: 'heapUsed' | 'rss') => {
    const bytes = values.map((s) => s[key]);
    return round((key === 'rss' ? median(bytes) : Math.min(...bytes)) / 1048576);
  };
  const trend = {
    samples: during.length,
    heapAfterWarmupMb: mb(warm, 'heapUsed'),
    heapAtEndMb: mb(end, 'heapUsed'),
    rssAfterWarmupMb: mb(warm, 'rss'),
    rssAtEndMb: mb(end, 'rss'),
  };
  const growth = Math.max(
    trend.heapAtEndMb / trend.heapAfterWarmupMb,
    trend.rssAtEndMb / trend.rssAfterWarmupMb,
  );
  return { ...trend, growth: round(growth, 2) };
}
