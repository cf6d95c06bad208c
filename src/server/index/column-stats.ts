import type { SegmentCount, Stats, StatsBucket } from '../../contract/index-api.ts';
import { formatMoney } from '../../contract/money.ts';
import { usToIso } from '../../contract/query-window.ts';
import { VERDICT_KINDS, VERDICT_TONE } from '../../contract/verdict.ts';
import type { Columns, Dictionary } from './columns.ts';
import { matchRows, type CompiledFilter } from './column-filter.ts';

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
/** More buckets than this would draw bars too thin to read (and make big replies): a finer
 * bucket asked for a long window is coarsened until it fits (the reply names the bucket). */
const MAX_BUCKETS = 4000;
const BUCKET_ORDER = Object.keys(BUCKET_MS) as (keyof typeof BUCKET_MS)[];

/** `auto`: the finest bucket that keeps a window to at most about 200 bars. */
export function chooseBucket(bucket: StatsBucket, windowMs: number): FixedBucket {
  if (bucket !== 'auto') return bucket;
  const fits = (Object.keys(BUCKET_MS) as FixedBucket[]).find(
    (b) => windowMs / BUCKET_MS[b] <= 200,
  );
  return fits ?? '1d';
}

/** Sessions, verified and failed per dictionary id, in one typed array (3 slots an id). */
function segmentList(counts: Int32Array, key: (id: number) => string | null): SegmentCount[] {
  const out: SegmentCount[] = [];
  for (let id = 0; id * 3 < counts.length; id++) {
    const sessions = counts[id * 3] ?? 0;
    if (sessions) {
      out.push({
        key: key(id),
        sessions,
        verified: counts[id * 3 + 1] ?? 0,
        failed: counts[id * 3 + 2] ?? 0,
      });
    }
  }
  return out.sort((a, b) => b.sessions - a.sessions || String(a.key).localeCompare(String(b.key)));
}

export function computeStats(
  cols: Columns,
  f: CompiledFilter,
  bucket: FixedBucket,
  asOf: string | null,
): Stats {
  const d = cols.dicts;
  const span = (b: FixedBucket) => f.toUs / 1000 / BUCKET_MS[b] - f.fromUs / 1000 / BUCKET_MS[b];
  while (span(bucket) >= MAX_BUCKETS && bucket !== '1d') {
    bucket = BUCKET_ORDER[BUCKET_ORDER.indexOf(bucket) + 1] ?? '1d';
  }
  const bucketMs = BUCKET_MS[bucket];
  const bucketUs = bucketMs * 1000;
  const firstBucket = Math.floor(f.fromUs / bucketUs);
  const bucketCount = Math.min(MAX_BUCKETS, Math.floor(f.toUs / bucketUs) - firstBucket + 1);
  const perBucket = new Int32Array(Math.max(0, bucketCount) * 6);
  const seg = {
    status: new Int32Array(d.status.size * 3),
    channel: new Int32Array(d.channel.size * 3),
    country: new Int32Array(d.country.size * 3),
    network: new Int32Array(d.network.size * 3),
    verdict: new Int32Array(VERDICT_KINDS.length * 3),
    app: new Int32Array(d.app.size * 3),
  };
  const netCount = d.network.size;
  const pairs = new Int32Array(d.country.size * netCount * 3);
  const attempts = new Float64Array(d.code.size);
  const badVerdict = Uint8Array.from(VERDICT_KINDS, (k) => (VERDICT_TONE[k] === 'bad' ? 1 : 0));
  const statusKind = Uint8Array.from(d.status.values, (s) =>
    s === 'in-progress' ? 1 : s === 'verified' ? 2 : s === 'expired' ? 3 : 4,
  );
  const rows = matchRows(cols, f);
  const ttv = new Float64Array(rows.length);
  let ttvCount = 0;
  let verifiedTotal = 0;
  let charge = 0;
  let chargeUnverified = 0;
  const add = (counts: Int32Array, id: number, v: number, bad: number) => {
    counts[id * 3] = (counts[id * 3] ?? 0) + 1;
    counts[id * 3 + 1] = (counts[id * 3 + 1] ?? 0) + v;
    counts[id * 3 + 2] = (counts[id * 3 + 2] ?? 0) + bad;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    const status = cols.status[r] ?? 0;
    const kind = statusKind[status] ?? 4;
    const v = kind === 2 ? 1 : 0;
    const verdict = cols.verdict[r] ?? 0;
    const bad = badVerdict[verdict] ?? 0;
    verifiedTotal += v;
    add(seg.status, status, v, bad);
    add(seg.channel, cols.channel[r] ?? 0, v, bad);
    const country = cols.country[r] ?? 0;
    const network = cols.network[r] ?? 0;
    add(seg.country, country, v, bad);
    add(seg.network, network, v, bad);
    add(seg.verdict, verdict, v, bad);
    add(seg.app, cols.app[r] ?? 0, v, bad);
    add(pairs, country * netCount + network, v, bad);
    let packed = cols.codes[r] ?? 0;
    if (packed === 0) {
      for (const code of cols.moreCodes.get(r) ?? []) attempts[code] = (attempts[code] ?? 0) + 1;
    }
    for (; packed; packed >>>= 8) {
      const code = (packed & 0xff) - 1;
      attempts[code] = (attempts[code] ?? 0) + 1;
    }
    const amount = cols.charge[r] ?? 0;
    charge += amount;
    if (!v) chargeUnverified += amount;
    const seconds = cols.ttv[r] ?? NaN;
    if (!Number.isNaN(seconds)) ttv[ttvCount++] = seconds;
    const b = Math.floor((cols.created[r] ?? 0) / bucketUs) - firstBucket;
    if (b >= 0 && b < bucketCount) {
      const at = b * 6;
      perBucket[at] = (perBucket[at] ?? 0) + 1;
      perBucket[at + kind] = (perBucket[at + kind] ?? 0) + 1;
      perBucket[at + 5] = (perBucket[at + 5] ?? 0) + bad;
    }
  }
  const total = rows.length;
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
    byStatus: segmentList(seg.status, name(d.status)),
    byChannel: segmentList(seg.channel, name(d.channel)),
    attempts: attemptRows(attempts, d.code),
    byCountry: segmentList(seg.country, name(d.country)),
    byNetwork: segmentList(seg.network, name(d.network)),
    byCountryNetwork: topPairs(pairs, netCount, d.country, d.network),
    byVerdict: segmentList(seg.verdict, (id) => VERDICT_KINDS[id] ?? 'unknown'),
    byApp: segmentList(seg.app, name(d.app)),
    buckets: bucketRows(perBucket, bucketCount, firstBucket, bucketUs),
    timeToVerify: percentiles(ttv.subarray(0, ttvCount)),
    charges: {
      total: formatMoney(BigInt(Math.round(charge))),
      neverVerified: formatMoney(BigInt(Math.round(chargeUnverified))),
      currency: 'USD',
    },
  };
}

function attemptRows(counts: Float64Array, codes: Dictionary): Stats['attempts'] {
  const out: Stats['attempts'] = [];
  counts.forEach((attempts, code) => {
    if (!attempts) return;
    const [channel = '', status = ''] = (codes.values[code] ?? ':').split(':');
    out.push({ channel: channel || null, status: status || null, attempts });
  });
  return out.sort((a, b) => b.attempts - a.attempts);
}

function topPairs(pairs: Int32Array, netCount: number, c: Dictionary, n: Dictionary) {
  return segmentList(pairs, (id) => String(id))
    .slice(0, TOP_PAIRS)
    .map((segment) => {
      const id = Number(segment.key);
      const country = c.values[Math.floor(id / netCount)] ?? null;
      const network = n.values[id % netCount] ?? null;
      return {
        ...segment,
        key: `${country ?? 'unknown'} · ${network ?? 'unknown'}`,
        country,
        network,
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
function percentiles(values: Float64Array): Stats['timeToVerify'] {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const round = (s: number) => Math.round(s * 10) / 10;
  return { sessions: values.length, p50Seconds: round(rank(50)), p95Seconds: round(rank(95)) };
}
