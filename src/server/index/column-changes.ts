import {
  failingSpan,
  measurePart,
  type Change,
  type ChangeDimension,
  type NamedChange,
  type SegmentTally,
  type SpanBucket,
  type Tally,
  type WindowTallies,
} from '../../contract/changes.ts';
import { usToIso } from '../../contract/query-window.ts';
import { attemptOutcome } from '../../contract/verdict.ts';
import { VERDICT_KINDS, VERDICT_TONE } from '../../contract/verdict-kinds.ts';
import { matchRows, type CompiledFilter } from './column-filter.ts';
import { BUCKET_MS } from './column-stats.ts';
import type { Columns } from './columns.ts';
import type { Dictionary } from './dictionary.ts';

/**
 * The counts behind "what changed" (src/contract/changes.ts defines them): per segment of
 * five dimensions, one scan of each window's matching rows; then, for the changes named, one
 * more scan of the window by time bucket to say where in it they sit.
 */
const FIELDS = [
  'sessions',
  'finished',
  'failed',
  'sms',
  'smsUndelivered',
  'voice',
  'voiceUnanswered',
] as const;
const N = FIELDS.length;
/** Enough buckets to place a 40-minute incident in a few hours' window, few enough to count. */
const SPAN_BUCKETS = 24;

/** Per attempt code: 0 other channel, else 1 + channel (0 sms, 1 voice) · 3 + outcome class. */
function codeClasses(codes: Dictionary): Uint8Array {
  return Uint8Array.from(codes.values, (code) => {
    const [channel = '', status = ''] = (code ?? ':').split(':');
    const ch = channel === 'sms' ? 0 : channel === 'voice' ? 1 : -1;
    if (ch < 0) return 0;
    const outcome = attemptOutcome(status);
    // reached 0, sent (no proof either way) 1, anything else a failure 2.
    return 1 + ch * 3 + (outcome === 'reached' ? 0 : outcome === 'sent' ? 1 : 2);
  });
}

type Scan = {
  cols: Columns;
  classes: Uint8Array;
  bad: Uint8Array;
  inProgress: number;
  /** Scratch: one row's increments. */
  row: Int32Array;
};

function scanOf(cols: Columns): Scan {
  return {
    cols,
    classes: codeClasses(cols.dicts.code),
    bad: Uint8Array.from(VERDICT_KINDS, (k) => (VERDICT_TONE[k] === 'bad' ? 1 : 0)),
    inProgress: cols.dicts.status.values.indexOf('in-progress'),
    row: new Int32Array(N),
  };
}

/** Fills `scan.row` with one session's contribution to every tally field. */
function rowTally(scan: Scan, r: number): Int32Array {
  const { cols, row } = scan;
  row.fill(0);
  row[0] = 1;
  if (cols.status[r] === scan.inProgress) return row;
  row[1] = 1;
  row[2] = scan.bad[cols.verdict[r] ?? 0] ?? 0;
  // Per channel: bit 1 tried, 2 reached, 4 sent without a receipt.
  const seen = [0, 0];
  const mark = (code: number) => {
    const c = scan.classes[code] ?? 0;
    if (!c) return;
    const ch = Math.floor((c - 1) / 3);
    const k = (c - 1) % 3;
    seen[ch] = (seen[ch] ?? 0) | 1 | (k === 0 ? 2 : k === 1 ? 4 : 0);
  };
  let packed = cols.codes[r] ?? 0;
  if (packed === 0) for (const code of cols.moreCodes.get(r) ?? []) mark(code);
  for (; packed; packed >>>= 8) mark((packed & 0xff) - 1);
  for (let ch = 0; ch < 2; ch++) {
    const s = seen[ch] ?? 0;
    // Counted when the outcome is known: reached, or failed without a receiptless `sent`.
    if (!(s & 1) || (!(s & 2) && s & 4)) continue;
    row[3 + ch * 2] = 1;
    row[4 + ch * 2] = s & 2 ? 0 : 1;
  }
  return row;
}

function add(into: Int32Array, slot: number, row: Int32Array): void {
  const at = slot * N;
  for (let i = 0; i < N; i++) into[at + i] = (into[at + i] ?? 0) + (row[i] ?? 0);
}

function tallyAt(counts: Int32Array, slot: number): Tally {
  const at = slot * N;
  return Object.fromEntries(FIELDS.map((f, i) => [f, counts[at + i] ?? 0])) as Tally;
}

/** Every segment's tallies over the rows a filter matches. */
export function tallyWindow(cols: Columns, f: CompiledFilter): WindowTallies {
  const scan = scanOf(cols);
  const d = cols.dicts;
  const netCount = d.network.size;
  const total = new Int32Array(N);
  const by = {
    country: new Int32Array(d.country.size * N),
    network: new Int32Array(netCount * N),
    pair: new Int32Array(d.country.size * netCount * N),
    channel: new Int32Array(d.channel.size * N),
    app: new Int32Array(d.app.size * N),
  };
  const rows = matchRows(cols, f);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const row = rowTally(scan, r);
    const c = cols.country[r] as number;
    const n = cols.network[r] as number;
    add(total, 0, row);
    add(by.country, c, row);
    add(by.network, n, row);
    add(by.pair, c * netCount + n, row);
    add(by.channel, cols.channel[r] as number, row);
    add(by.app, cols.app[r] as number, row);
  }
  const segments: SegmentTally[] = [];
  const list = (
    dimension: ChangeDimension,
    counts: Int32Array,
    describe: (slot: number) => Omit<SegmentTally, 'dimension' | 'tally'>,
  ) => {
    for (let slot = 0; slot * N < counts.length; slot++) {
      if (counts[slot * N])
        segments.push({ dimension, ...describe(slot), tally: tallyAt(counts, slot) });
    }
  };
  const plain = (dict: Dictionary) => (slot: number) => ({
    key: dict.values[slot] ?? null,
    country: null,
    network: null,
  });
  list('country', by.country, (slot) => ({
    ...plain(d.country)(slot),
    country: d.country.values[slot] ?? null,
  }));
  list('network', by.network, (slot) => ({
    ...plain(d.network)(slot),
    network: d.network.values[slot] ?? null,
  }));
  list('country_network', by.pair, (slot) => {
    const country = d.country.values[Math.floor(slot / netCount)] ?? null;
    const network = d.network.values[slot % netCount] ?? null;
    return { key: `${country ?? 'unknown'} · ${network ?? 'unknown'}`, country, network };
  });
  list('channel', by.channel, plain(d.channel));
  list('app', by.app, plain(d.app));
  return { total: tallyAt(total, 0), segments };
}

/** The finest fixed bucket that cuts the window into at most SPAN_BUCKETS pieces. */
function spanBucketMs(f: CompiledFilter): number {
  const windowMs = (f.toUs - f.fromUs) / 1000;
  return Object.values(BUCKET_MS).find((ms) => windowMs / ms <= SPAN_BUCKETS) ?? BUCKET_MS['1d'];
}

/** A row's membership test for one named segment, by dictionary ids. */
function memberOf(cols: Columns, c: NamedChange): (r: number) => boolean {
  const d = cols.dicts;
  // Looked up, never added: a query must not grow the dictionaries.
  const country = d.country.values.indexOf(c.country);
  const network = d.network.values.indexOf(c.network);
  if (c.dimension === 'country') return (r) => cols.country[r] === country;
  if (c.dimension === 'network') return (r) => cols.network[r] === network;
  if (c.dimension === 'country_network') {
    return (r) => cols.country[r] === country && cols.network[r] === network;
  }
  const channel = d.channel.values.indexOf(c.key);
  const app = d.app.values.indexOf(c.key);
  if (c.dimension === 'channel') return (r) => cols.channel[r] === channel;
  return (r) => cols.app[r] === app;
}

/** Adds each rate change's span: where in the window its failures sit (see failingSpan). */
export function withSpans(
  cols: Columns,
  f: CompiledFilter,
  named: readonly NamedChange[],
): Change[] {
  const rated = named.filter((c) => c.measure !== 'volume');
  if (!rated.length) return named.map((c) => ({ ...c, span: null }));
  const scan = scanOf(cols);
  const bucketUs = spanBucketMs(f) * 1000;
  const first = Math.floor(f.fromUs / bucketUs);
  const count = Math.floor(f.toUs / bucketUs) - first + 1;
  const members = rated.map((c) => memberOf(cols, c));
  const perChange = rated.map(() => new Int32Array(count * N));
  const rows = matchRows(cols, f);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const b = Math.floor((cols.created[r] as number) / bucketUs) - first;
    members.forEach((isMember, k) => {
      if (isMember(r)) add(perChange[k] as Int32Array, b, rowTally(scan, r));
    });
  }
  const fromMs = f.fromUs / 1000;
  const toMs = (f.toUs + 1) / 1000;
  return named.map((c) => {
    const k = rated.indexOf(c);
    const counts = perChange[k];
    if (!counts) return { ...c, span: null };
    const buckets: SpanBucket[] = Array.from({ length: count }, (_, b) => {
      const part = measurePart(c.measure, tallyAt(counts, b), tallyAt(counts, b));
      const startMs = Math.max(fromMs, ((first + b) * bucketUs) / 1000);
      const endMs = Math.min(toMs, ((first + b + 1) * bucketUs) / 1000);
      return { startMs, endMs, ...part };
    });
    const share = (p: { count: number; of: number }) => (p.of ? p.count / p.of : 0);
    const span = failingSpan(buckets, share(c.window), share(c.baseline));
    return {
      ...c,
      span: span && {
        from: usToIso(span.fromMs * 1000),
        to: usToIso(span.toMs * 1000),
        count: span.count,
        of: span.of,
      },
    };
  });
}
