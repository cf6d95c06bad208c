import type { SegmentCount, Stats, StatsBucket } from '../../contract/index-api.ts';
import { formatMoney } from '../../contract/money.ts';
import { usToIso } from '../../contract/query-window.ts';
import { VERDICT_KINDS, VERDICT_TONE } from '../../contract/verdict.ts';
import type { Columns, Dictionary } from './columns.ts';
import { scan, type CompiledFilter } from './column-filter.ts';

/** Exact aggregates over every session a compiled filter matches, in one scan. */
const MINUTE_MS = 60_000;
export const BUCKET_MS = {
  '1m': MINUTE_MS,
  '5m': 5 * MINUTE_MS,
  '15m': 15 * MINUTE_MS,
  '1h': 60 * MINUTE_MS,
  '1d': 1440 * MINUTE_MS,
} as const;
export type FixedBucket = keyof typeof BUCKET_MS;
const TOP_PAIRS = 20;
/** More buckets than this would draw bars too thin to read (and make big replies). */
const MAX_BUCKETS = 2000;

/** `auto`: the finest bucket that keeps a window to at most about 200 bars. */
export function chooseBucket(bucket: StatsBucket, windowMs: number): FixedBucket {
  if (bucket !== 'auto') return bucket;
  const fits = (Object.keys(BUCKET_MS) as FixedBucket[]).find(
    (b) => windowMs / BUCKET_MS[b] <= 200,
  );
  return fits ?? '1d';
}

class Segments {
  readonly sessions: Int32Array;
  readonly verified: Int32Array;
  readonly failed: Int32Array;
  constructor(size: number) {
    this.sessions = new Int32Array(size);
    this.verified = new Int32Array(size);
    this.failed = new Int32Array(size);
  }
  add(id: number, verified: number, failed: number) {
    this.sessions[id] = (this.sessions[id] ?? 0) + 1;
    this.verified[id] = (this.verified[id] ?? 0) + verified;
    this.failed[id] = (this.failed[id] ?? 0) + failed;
  }
  list(key: (id: number) => string | null): SegmentCount[] {
    const out: SegmentCount[] = [];
    this.sessions.forEach((sessions, id) => {
      if (sessions)
        out.push({
          key: key(id),
          sessions,
          verified: this.verified[id] ?? 0,
          failed: this.failed[id] ?? 0,
        });
    });
    return out.sort(
      (a, b) => b.sessions - a.sessions || String(a.key).localeCompare(String(b.key)),
    );
  }
}

export function computeStats(
  cols: Columns,
  f: CompiledFilter,
  bucket: FixedBucket,
  asOf: string | null,
): Stats {
  const d = cols.dicts;
  const bucketMs = BUCKET_MS[bucket];
  const bucketUs = bucketMs * 1000;
  const firstBucket = Math.floor(f.fromUs / bucketUs);
  const bucketCount = Math.min(MAX_BUCKETS, Math.floor(f.toUs / bucketUs) - firstBucket + 1);
  const perBucket = new Int32Array(Math.max(0, bucketCount) * 6);
  const seg = {
    status: new Segments(d.status.size),
    channel: new Segments(d.channel.size),
    country: new Segments(d.country.size),
    network: new Segments(d.network.size),
    verdict: new Segments(VERDICT_KINDS.length),
    app: new Segments(d.app.size),
  };
  const pairs = new Map<number, [number, number, number]>();
  const attempts = new Map<number, number>();
  const badVerdict = Uint8Array.from(VERDICT_KINDS, (k) => (VERDICT_TONE[k] === 'bad' ? 1 : 0));
  const statusKind = Uint8Array.from(d.status.values, (s) =>
    s === 'in-progress' ? 1 : s === 'verified' ? 2 : s === 'expired' ? 3 : 4,
  );
  const ttv: number[] = [];
  let total = 0;
  let verifiedTotal = 0;
  let charge = 0;
  let chargeUnverified = 0;
  scan(cols, f, (r) => {
    const status = cols.status[r] ?? 0;
    const kind = statusKind[status] ?? 4;
    const v = kind === 2 ? 1 : 0;
    const verdict = cols.verdict[r] ?? 0;
    const bad = badVerdict[verdict] ?? 0;
    total++;
    verifiedTotal += v;
    seg.status.add(status, v, bad);
    seg.channel.add(cols.channel[r] ?? 0, v, bad);
    const country = cols.country[r] ?? 0;
    const network = cols.network[r] ?? 0;
    seg.country.add(country, v, bad);
    seg.network.add(network, v, bad);
    seg.verdict.add(verdict, v, bad);
    seg.app.add(cols.app[r] ?? 0, v, bad);
    const pairKey = country * 65_536 + network;
    const pair = pairs.get(pairKey);
    if (pair) {
      pair[0] += 1;
      pair[1] += v;
      pair[2] += bad;
    } else pairs.set(pairKey, [1, v, bad]);
    for (const code of cols.attemptCodeIds(r)) attempts.set(code, (attempts.get(code) ?? 0) + 1);
    const amount = cols.charge[r] ?? 0;
    charge += amount;
    if (!v) chargeUnverified += amount;
    const seconds = cols.ttv[r] ?? NaN;
    if (!Number.isNaN(seconds)) ttv.push(seconds);
    const b = Math.floor((cols.created[r] ?? 0) / bucketUs) - firstBucket;
    if (b >= 0 && b < bucketCount) {
      const at = b * 6;
      perBucket[at] = (perBucket[at] ?? 0) + 1;
      perBucket[at + kind] = (perBucket[at + kind] ?? 0) + 1;
      perBucket[at + 5] = (perBucket[at + 5] ?? 0) + bad;
    }
  });
  const name = (dict: Dictionary) => (id: number) => dict.values[id] ?? null;
  return {
    meta: {
      source: 'index',
      asOf,
      from: usToIso(f.fromUs),
      to: usToIso(f.toUs),
      bucket,
      bucketMs,
    },
    total,
    verified: verifiedTotal,
    byStatus: seg.status.list(name(d.status)),
    byChannel: seg.channel.list(name(d.channel)),
    attempts: [...attempts].map(([code, count]) => {
      const [channel = '', status = ''] = (d.code.values[code] ?? ':').split(':');
      return { channel: channel || null, status: status || null, attempts: count };
    }),
    byCountry: seg.country.list(name(d.country)),
    byNetwork: seg.network.list(name(d.network)),
    byCountryNetwork: topPairs(pairs, d.country, d.network),
    byVerdict: seg.verdict.list((id) => VERDICT_KINDS[id] ?? 'unknown'),
    byApp: seg.app.list(name(d.app)),
    buckets: bucketRows(perBucket, bucketCount, firstBucket, bucketUs),
    timeToVerify: percentiles(ttv),
    charges: {
      total: formatMoney(BigInt(Math.round(charge))),
      neverVerified: formatMoney(BigInt(Math.round(chargeUnverified))),
      currency: 'USD',
    },
  };
}

function topPairs(pairs: Map<number, [number, number, number]>, c: Dictionary, n: Dictionary) {
  return [...pairs]
    .sort((a, b) => b[1][0] - a[1][0])
    .slice(0, TOP_PAIRS)
    .map(([key, [sessions, verified, failed]]) => {
      const country = c.values[Math.floor(key / 65_536)] ?? null;
      const network = n.values[key % 65_536] ?? null;
      return {
        key: `${country ?? 'unknown'} · ${network ?? 'unknown'}`,
        country,
        network,
        sessions,
        verified,
        failed,
      };
    });
}

function bucketRows(counts: Int32Array, n: number, first: number, bucketUs: number) {
  const rows: Stats['buckets'] = [];
  for (let b = 0; b < n; b++) {
    const at = b * 6;
    const sessions = counts[at] ?? 0;
    const verified = counts[at + 2] ?? 0;
    rows.push({
      start: usToIso((first + b) * bucketUs),
      sessions,
      inProgress: counts[at + 1] ?? 0,
      verified,
      expired: counts[at + 3] ?? 0,
      other: counts[at + 4] ?? 0,
      failed: counts[at + 5] ?? 0,
      verifiedPct: sessions ? Math.round((verified / sessions) * 1000) / 10 : null,
    });
  }
  return rows;
}

/** Nearest-rank percentiles. */
function percentiles(values: number[]): Stats['timeToVerify'] {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const round = (s: number) => Math.round(s * 10) / 10;
  return { sessions: values.length, p50Seconds: round(rank(50)), p95Seconds: round(rank(95)) };
}
