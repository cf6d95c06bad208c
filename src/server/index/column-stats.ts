import type { SegmentCount, Stats, StatsBucket } from '../../contract/index-api.ts';
import { formatMoney } from '../../contract/money.ts';
import { usToIso } from '../../contract/query-window.ts';
import { VERDICT_KINDS, VERDICT_TONE } from '../../contract/verdict-kinds.ts';
import type { Columns } from './columns.ts';
import type { Dictionary } from './dictionary.ts';
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

/** Per dictionary id, 4 slots by class: neither, verified, failed, both. */
function segmentList(counts: Int32Array, key: (id: number) => string | null): SegmentCount[] {
  const out: SegmentCount[] = [];
  for (let id = 0; id * 4 < counts.length; id++) {
    const [neither = 0, verified = 0, failed = 0, both = 0] = counts.subarray(id * 4, id * 4 + 4);
    const sessions = neither + verified + failed + both;
    if (sessions)
      out.push({ key: key(id), sessions, verified: verified + both, failed: failed + both });
  }
  return out.sort((a, b) => b.sessions - a.sessions || String(a.key).localeCompare(String(b.key)));
}

/** One more in slot `i` (a small function V8 inlines into the scan). */
function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
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
    status: new Int32Array(d.status.size * 4),
    channel: new Int32Array(d.channel.size * 4),
    country: new Int32Array(d.country.size * 4),
    network: new Int32Array(d.network.size * 4),
    verdict: new Int32Array(VERDICT_KINDS.length * 4),
    app: new Int32Array(d.app.size * 4),
  };
  const netCount = d.network.size;
  const pairs = new Int32Array(d.country.size * netCount * 4);
  const attempts = new Int32Array(d.code.size);
  const badVerdict = Uint8Array.from(VERDICT_KINDS, (k) => (VERDICT_TONE[k] === 'bad' ? 1 : 0));
  const statusKind = Uint8Array.from(d.status.values, (s) =>
    s === 'in-progress' ? 1 : s === 'verified' ? 2 : s === 'expired' ? 3 : 4,
  );
  const rows = matchRows(cols, f);
  const ttv = new TenthsHistogram();
  let verifiedTotal = 0;
  let charge = 0;
  let chargeUnverified = 0;
  // One increment per breakdown a row: slot 4·id + class, a bit for verified (1) and one
  // for a failed verdict (2); `segmentList` sums them.
  const { status: statusOf, verdict: verdictOf, channel, country, network, app } = cols;
  const { codes, charge: chargeOf, ttv: ttvOf, created } = cols;
  const [sStatus, sChannel, sCountry, sNetwork, sVerdict, sApp] = [
    seg.status,
    seg.channel,
    seg.country,
    seg.network,
    seg.verdict,
    seg.app,
  ];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const status = statusOf[r] as number;
    const kind = statusKind[status] as number;
    const verdict = verdictOf[r] as number;
    const cls = (kind === 2 ? 1 : 0) + (badVerdict[verdict] as number) * 2;
    const c = country[r] as number;
    const n = network[r] as number;
    bump(sStatus, status * 4 + cls);
    bump(sChannel, (channel[r] as number) * 4 + cls);
    bump(sCountry, c * 4 + cls);
    bump(sNetwork, n * 4 + cls);
    bump(sVerdict, verdict * 4 + cls);
    bump(sApp, (app[r] as number) * 4 + cls);
    bump(pairs, (c * netCount + n) * 4 + cls);
    let packed = codes[r] as number;
    if (packed === 0) {
      for (const code of cols.moreCodes.get(r) ?? []) bump(attempts, code);
    }
    for (; packed; packed >>>= 8) bump(attempts, (packed & 0xff) - 1);
    const amount = chargeOf[r] as number;
    charge += amount;
    if (cls & 1) verifiedTotal++;
    else chargeUnverified += amount;
    const seconds = ttvOf[r] as number;
    if (seconds === seconds) ttv.add(seconds);
    const b = Math.floor((created[r] as number) / bucketUs) - firstBucket;
    if (b >= 0 && b < bucketCount) {
      const at = b * 6;
      bump(perBucket, at);
      bump(perBucket, at + kind);
      if (cls & 2) bump(perBucket, at + 5);
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
    timeToVerify: ttv.percentiles(),
    charges: {
      total: formatMoney(BigInt(Math.round(charge))),
      neverVerified: formatMoney(BigInt(Math.round(chargeUnverified))),
      currency: 'USD',
    },
  };
}

function attemptRows(counts: Int32Array, codes: Dictionary): Stats['attempts'] {
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

/**
 * Nearest-rank percentiles of seconds, to a tenth: a count per tenth of a second up to an
 * hour (longer ones kept aside, they are rare), so a million values need no sort.
 */
const TENTHS = 36_000;
class TenthsHistogram {
  private readonly bins = new Int32Array(TENTHS);
  private readonly longer: number[] = [];
  private count = 0;

  add(seconds: number): void {
    const tenth = Math.round(seconds * 10);
    if (tenth < TENTHS) bump(this.bins, tenth);
    else this.longer.push(tenth);
    this.count++;
  }

  percentiles(): Stats['timeToVerify'] {
    if (!this.count) return null;
    return { sessions: this.count, p50Seconds: this.rank(50), p95Seconds: this.rank(95) };
  }

  private rank(p: number): number {
    const wanted = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let tenth = 0; tenth < TENTHS; tenth++) {
      seen += this.bins[tenth] ?? 0;
      if (seen >= wanted) return tenth / 10;
    }
    const longer = this.longer.toSorted((a, b) => a - b);
    return (longer[wanted - seen - 1] ?? 0) / 10;
  }
}
