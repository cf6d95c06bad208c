import { VERDICT_KINDS, type VerdictKind } from '../../contract/verdict-kinds.ts';
import { Dictionary } from './dictionary.ts';
import { Recipients } from './recipients.ts';
import type { SessionRow } from './session-row.ts';

export const CHANNEL_BITS: Record<string, number> = { sms: 1, voice: 2 };
const OTHER_CHANNEL_BIT = 4;
const CODES_PER_SLOT = 4;

const VERDICT_ID = new Map<VerdictKind, number>(VERDICT_KINDS.map((k, i) => [k, i]));

type Grow = Float64Array | Float32Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * The index's query engine: every session's filterable fields held in memory as typed
 * arrays (one slot per database rowid, strings as dictionary ids), plus the rowids in
 * newest-first order. SQLite keeps the sessions and answers point look-ups; filters,
 * counts and aggregates over 90 days of a big account scan these arrays instead, because a
 * scan of 1M slots in JavaScript takes milliseconds where SQL's GROUP BYs took seconds
 * (docs/decisions/0006). About 80 bytes a session, recipients and room to grow included.
 */
export class Columns {
  capacity = 0;
  /**
   * Rowids of live sessions, newest first (ties: higher rowid first): a view of `slots`,
   * which keeps room before it (new sessions are the newest: prepended in O(k)) and after it.
   */
  order = new Uint32Array(0);
  count = 0;
  private slots = new Uint32Array(0);
  private start = 0;
  created = new Float64Array(0);
  status = new Uint8Array(0);
  channel = new Uint8Array(0);
  verdict = new Uint8Array(0);
  country = new Uint16Array(0);
  network = new Uint16Array(0);
  app = new Uint32Array(0);
  alias = new Uint32Array(0);
  sub = new Uint32Array(0);
  brands = new Uint32Array(0);
  hashes = new Uint32Array(0);
  attempts = new Uint16Array(0);
  attemptChannels = new Uint8Array(0);
  /** Up to four attempt codes (id + 1, 8 bits each); longer sessions in `moreCodes`. */
  codes = new Uint32Array(0);
  moreCodes = new Map<number, number[]>();
  charge = new Float64Array(0);
  ttv = new Float32Array(0);
  /** Each row's number, and look-ups by number or its last digits. */
  readonly recipients = new Recipients();
  private readonly live = (row: number) => this.has(row);

  readonly dicts = {
    status: new Dictionary(),
    channel: new Dictionary(),
    country: new Dictionary(),
    network: new Dictionary(),
    app: new Dictionary(),
    alias: new Dictionary(),
    sub: new Dictionary(),
    brands: new Dictionary(),
    hashes: new Dictionary(),
    /** "channel:status" of one attempt. */
    code: new Dictionary(),
  };
  /** Each attempt code's channel bit, by code id. */
  private codeChannelBit: number[] = [];

  has(row: number): boolean {
    return row < this.capacity && !Number.isNaN(this.created[row] ?? NaN);
  }

  /**
   * Writes rows (by rowid) and keeps `order` sorted. New rows newer than all others (what
   * the sync mostly writes) are prepended, O(k); others are merged in by binary search and
   * block moves, O(k log n) plus moving the rows after the first insertion point. A row
   * whose creation time changed (never seen from Plivo) is re-placed.
   */
  upsert(rows: readonly { rowid: number; row: SessionRow }[]): void {
    const added: number[] = [];
    let moved = false;
    for (const { rowid, row } of rows) {
      this.ensure(rowid + 1);
      const existed = this.has(rowid);
      if (existed && this.created[rowid] !== row.createdUs) moved = true;
      this.set(rowid, row);
      if (!existed) added.push(rowid);
    }
    if (moved) this.rebuildOrder();
    else if (added.length) this.mergeIntoOrder(added);
  }

  setSubaccount(rowids: readonly number[], subaccount: string | null): void {
    const id = this.dicts.sub.id(subaccount);
    for (const r of rowids) if (this.has(r)) this.sub[r] = id;
  }

  remove(rowids: readonly number[]): void {
    if (!rowids.length) return;
    const gone = rowids.filter((r) => this.has(r));
    for (const r of gone) this.created[r] = NaN;
    this.recipients.removed(gone, this.live);
    this.rebuildOrder();
  }

  /** Rows of live sessions to this number (digits), or ending with these digits. */
  recipientRows(digits: string, match: 'exact' | 'suffix'): number[] {
    return this.recipients.find(digits, match, this.live);
  }

  /** Bytes the columns hold in typed arrays (what a million sessions cost in memory). */
  bytes(): number {
    const arrays = [
      this.slots,
      this.created,
      this.status,
      this.channel,
      this.verdict,
      this.country,
      this.network,
      this.app,
      this.alias,
      this.sub,
      this.brands,
      this.hashes,
      this.attempts,
      this.attemptChannels,
      this.codes,
      this.charge,
      this.ttv,
    ];
    return arrays.reduce((sum, a) => sum + a.byteLength, 0) + this.recipients.bytes();
  }

  /** Bulk load: append without ordering, then `rebuildOrder` once. */
  load(rowid: number, row: SessionRow): void {
    this.ensure(rowid + 1);
    this.set(rowid, row);
  }

  rebuildOrder(): void {
    const rows: number[] = [];
    for (let r = 0; r < this.capacity; r++) if (!Number.isNaN(this.created[r] ?? NaN)) rows.push(r);
    const order = Uint32Array.from(rows);
    order.sort((a, b) => this.compare(a, b));
    this.place(order, 0);
  }

  /** Index in `order` of the first row created before `us` (binary search). */
  firstBefore(us: number): number {
    let [lo, hi] = [0, this.count];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.created[this.order[mid] ?? 0] ?? 0) >= us) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compare(a: number, b: number): number {
    const d = (this.created[b] ?? 0) - (this.created[a] ?? 0);
    return d !== 0 ? d : b - a;
  }

  private mergeIntoOrder(added: number[]): void {
    added.sort((a, b) => this.compare(a, b));
    const k = added.length;
    const first = this.order[0];
    if (first === undefined || this.compare(added[k - 1] ?? 0, first) < 0) {
      // All newer than the newest: into the room before `order`.
      if (this.start < k) this.place(this.order, k);
      this.start -= k;
      this.slots.set(added, this.start);
      this.count += k;
      this.order = this.slots.subarray(this.start, this.start + this.count);
      return;
    }
    if (this.slots.length < this.start + this.count + k) this.place(this.order, 0, k);
    // From the oldest new row back: move the block of rows older than it, then place it.
    const base = this.start;
    const slots = this.slots;
    let end = this.count;
    let write = this.count + k;
    for (let j = k - 1; j >= 0; j--) {
      const row = added[j] ?? 0;
      const at = this.placeOf(row, end);
      slots.copyWithin(base + write - (end - at), base + at, base + end);
      write -= end - at;
      end = at;
      slots[base + --write] = row;
    }
    this.count += k;
    this.order = slots.subarray(base, base + this.count);
  }

  /** How many of the first `end` rows of `order` come before `row` (binary search). */
  private placeOf(row: number, end: number): number {
    const slots = this.slots;
    let [lo, hi] = [0, end];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(slots[this.start + mid] ?? 0, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Copies `rows` (newest first) into fresh slots, with room before and after them. */
  private place(rows: Uint32Array, roomBefore: number, roomAfter = 0): void {
    const n = rows.length;
    const before = Math.max(roomBefore, 1024, n >>> 4);
    const slots = new Uint32Array(before + n + Math.max(roomAfter, 1024, n >>> 4));
    slots.set(rows, before);
    this.slots = slots;
    this.start = before;
    this.count = n;
    this.order = slots.subarray(before, before + n);
  }

  private set(r: number, row: SessionRow): void {
    const d = this.dicts;
    this.created[r] = row.createdUs;
    this.status[r] = d.status.id(row.status);
    this.channel[r] = d.channel.id(row.channel);
    this.verdict[r] = VERDICT_ID.get(row.verdict) ?? VERDICT_KINDS.length - 1;
    this.country[r] = d.country.id(row.country);
    this.network[r] = d.network.id(row.network);
    this.app[r] = d.app.id(row.app);
    this.alias[r] = d.alias.id(row.alias);
    this.sub[r] = d.sub.id(row.subaccount);
    this.brands[r] = d.brands.id(row.brands);
    this.hashes[r] = d.hashes.id(row.hashes);
    this.attempts[r] = Math.min(row.attempts, 65_535);
    this.charge[r] = row.chargeNanos;
    this.ttv[r] = row.ttvSeconds ?? NaN;
    this.recipients.set(r, row.recipient, this.live);
    this.setCodes(r, row.attemptCodes);
  }

  private setCodes(r: number, attemptCodes: string): void {
    const ids = attemptCodes ? attemptCodes.split(',').map((c) => this.codeId(c)) : [];
    let bits = 0;
    for (const id of ids) bits |= this.codeChannelBit[id] ?? OTHER_CHANNEL_BIT;
    this.attemptChannels[r] = bits;
    this.moreCodes.delete(r);
    if (ids.length > CODES_PER_SLOT || ids.some((id) => id >= 255)) {
      this.moreCodes.set(r, ids);
      this.codes[r] = 0;
      return;
    }
    let packed = 0;
    for (let i = ids.length - 1; i >= 0; i--) packed = packed * 256 + (ids[i] ?? 0) + 1;
    this.codes[r] = packed;
  }

  private codeId(code: string): number {
    const id = this.dicts.code.id(code);
    if (this.codeChannelBit[id] === undefined) {
      this.codeChannelBit[id] = CHANNEL_BITS[code.split(':')[0] ?? ''] ?? OTHER_CHANNEL_BIT;
    }
    return id;
  }

  private ensure(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, Math.ceil(this.capacity * 1.5), 1024);
    const grow = <T extends Grow>(a: T, make: (n: number) => T, fill?: number): T => {
      const next = make(capacity);
      next.set(a);
      if (fill !== undefined) next.fill(fill, a.length);
      return next;
    };
    this.created = grow(this.created, (n) => new Float64Array(n), NaN);
    this.status = grow(this.status, (n) => new Uint8Array(n));
    this.channel = grow(this.channel, (n) => new Uint8Array(n));
    this.verdict = grow(this.verdict, (n) => new Uint8Array(n));
    this.country = grow(this.country, (n) => new Uint16Array(n));
    this.network = grow(this.network, (n) => new Uint16Array(n));
    this.app = grow(this.app, (n) => new Uint32Array(n));
    this.alias = grow(this.alias, (n) => new Uint32Array(n));
    this.sub = grow(this.sub, (n) => new Uint32Array(n));
    this.brands = grow(this.brands, (n) => new Uint32Array(n));
    this.hashes = grow(this.hashes, (n) => new Uint32Array(n));
    this.attempts = grow(this.attempts, (n) => new Uint16Array(n));
    this.attemptChannels = grow(this.attemptChannels, (n) => new Uint8Array(n));
    this.codes = grow(this.codes, (n) => new Uint32Array(n));
    this.charge = grow(this.charge, (n) => new Float64Array(n));
    this.ttv = grow(this.ttv, (n) => new Float32Array(n), NaN);
    this.recipients.grow(capacity);
    this.capacity = capacity;
  }
}
