/**
 * Recipient look-ups in memory, beside the columns: rowids bucketed by the number's last four
 * digits, so an exact number or "ends with 1370" reads one bucket (about 1/10,000 of the
 * sessions) and checks each row's number. About 6 bytes a session. It replaced an index on
 * the reversed digits in SQLite, whose random inserts took two thirds of the ingest time at
 * 10M sessions (docs/decisions/0006).
 *
 * Numbers are kept as doubles (`Number(digits)`) with their length: exact for up to 15 digits
 * (all of E.164); longer ones (never seen from Plivo) keep their digits as text.
 */
const BUCKETS = 10_000;
const EXACT_DIGITS = 15;

export class Recipients {
  /** Each row's number as a double (NaN: none), and how many digits it has. */
  number = new Float64Array(0);
  length = new Uint8Array(0);
  private readonly long = new Map<number, string>();
  private readonly buckets: Uint32Array[] = Array.from(
    { length: BUCKETS },
    () => new Uint32Array(0),
  );
  private readonly sizes = new Uint32Array(BUCKETS);
  /** Bucket entries no longer true (row removed, number changed): compacted past a quarter. */
  private stale = 0;
  private entries = 0;

  grow(capacity: number): void {
    const number = new Float64Array(capacity).fill(NaN);
    number.set(this.number);
    const length = new Uint8Array(capacity);
    length.set(this.length);
    this.number = number;
    this.length = length;
  }

  /** Sets a row's number (digits only, or null); `live` rows are in the index. */
  set(rowid: number, digits: string | null, live: (rowid: number) => boolean): void {
    const before = this.number[rowid] ?? NaN;
    const value = digits ? Number(digits) : NaN;
    if (digits && digits.length > EXACT_DIGITS) this.long.set(rowid, digits);
    else this.long.delete(rowid);
    if (value === before && (this.length[rowid] ?? 0) === (digits?.length ?? 0)) return;
    if (!Number.isNaN(before)) this.stale++;
    this.number[rowid] = value;
    this.length[rowid] = Math.min(255, digits?.length ?? 0);
    if (digits && !Number.isNaN(value)) this.push(bucketOf(digits), rowid);
    this.compactIfStale(live);
  }

  /** Rows that left the index: their bucket entries go stale. */
  removed(rowids: readonly number[], live: (rowid: number) => boolean): void {
    for (const r of rowids) {
      if (!Number.isNaN(this.number[r] ?? NaN)) this.stale++;
      this.number[r] = NaN;
      this.length[r] = 0;
      this.long.delete(r);
    }
    this.compactIfStale(live);
  }

  /** Bytes held: the numbers, their lengths and the buckets. */
  bytes(): number {
    let total = this.number.byteLength + this.length.byteLength + this.sizes.byteLength;
    for (const bucket of this.buckets) total += bucket.byteLength;
    return total;
  }

  /** Live rows whose number is `digits`, or ends with them (`digits`: ASCII digits). */
  find(digits: string, match: 'exact' | 'suffix', live: (rowid: number) => boolean): number[] {
    if (!/^\d+$/.test(digits)) return [];
    const out = new Set<number>();
    // A suffix shorter than a bucket's four digits: every bucket ending with it.
    const n = digits.length;
    const step = 10 ** Math.min(n, 4);
    const keys = match === 'suffix' && n < 4 ? BUCKETS / step : 1;
    for (let j = 0; j < keys; j++) this.scan(bucketOf(digits) + j * step, digits, match, live, out);
    return [...out];
  }

  private scan(
    key: number,
    digits: string,
    match: 'exact' | 'suffix',
    live: (rowid: number) => boolean,
    out: Set<number>,
  ): void {
    const bucket = this.buckets[key] ?? new Uint32Array(0);
    const size = this.sizes[key] ?? 0;
    const wanted = Number(digits);
    const n = digits.length;
    const mod = 10 ** Math.min(n, EXACT_DIGITS);
    for (let i = 0; i < size; i++) {
      const r = bucket[i] ?? 0;
      if (!live(r)) continue;
      const len = this.length[r] ?? 0;
      const long = len > EXACT_DIGITS ? this.long.get(r) : undefined;
      const ok = long
        ? match === 'exact'
          ? long === digits
          : long.endsWith(digits)
        : n > EXACT_DIGITS
          ? false
          : match === 'exact'
            ? len === n && this.number[r] === wanted
            : len >= n && (this.number[r] ?? NaN) % mod === wanted;
      if (ok) out.add(r);
    }
  }

  private push(key: number, rowid: number): void {
    let bucket = this.buckets[key] ?? new Uint32Array(0);
    const size = this.sizes[key] ?? 0;
    if (size === bucket.length) {
      const bigger = new Uint32Array(Math.max(8, Math.ceil(size * 1.5)));
      bigger.set(bucket);
      bucket = bigger;
      this.buckets[key] = bucket;
    }
    bucket[size] = rowid;
    this.sizes[key] = size + 1;
    this.entries++;
  }

  /** Drops entries of removed rows and of numbers since changed, once they are a quarter. */
  private compactIfStale(live: (rowid: number) => boolean): void {
    if (this.stale < 1024 || this.stale * 4 < this.entries) return;
    this.entries = 0;
    for (let key = 0; key < BUCKETS; key++) {
      const bucket = this.buckets[key] ?? new Uint32Array(0);
      const size = this.sizes[key] ?? 0;
      const seen = new Set<number>();
      let n = 0;
      for (let i = 0; i < size; i++) {
        const r = bucket[i] ?? 0;
        if (!live(r) || seen.has(r) || Number.isNaN(this.number[r] ?? NaN)) continue;
        if (bucketOfNumber(this.number[r] ?? 0, this.long.get(r)) !== key) continue;
        seen.add(r);
        bucket[n++] = r;
      }
      this.sizes[key] = n;
      this.entries += n;
    }
    this.stale = 0;
  }
}

/** The bucket of a number: its last four digits. */
function bucketOf(digits: string): number {
  return Number(digits.slice(-4)) % BUCKETS;
}

function bucketOfNumber(value: number, long: string | undefined): number {
  return long ? bucketOf(long) : value % BUCKETS;
}
