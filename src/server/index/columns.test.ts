import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRow } from '../testing/session-rows.ts';
import { Columns } from './columns.ts';

const T0 = 1_700_000_000_000_000;

/** The time order the columns must keep: newest first, ties by higher rowid first. */
function expectedOrder(created: Map<number, number>): number[] {
  return [...created.keys()].sort((a, b) => (created.get(b) ?? 0) - (created.get(a) ?? 0) || b - a);
}

describe('the time order of the columns', () => {
  it('stays exact whatever order sessions arrive in: newest, older, mixed, rewritten, removed', () => {
    // Each batch: new rows at some offset from the newest so far (negative: older), spread
    // over some span, and maybe rewrites of rows already there (same time), then removals.
    const batch = fc.record({
      size: fc.integer({ min: 1, max: 60 }),
      offset: fc.integer({ min: -5_000, max: 5_000 }),
      span: fc.integer({ min: 0, max: 3_000 }),
      rewrite: fc.integer({ min: 0, max: 5 }),
      remove: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(batch, { minLength: 1, maxLength: 15 }),
        fc.integer(),
        (batches, seed) => {
          let s = seed >>> 0;
          const random = () => (s = (Math.imul(s, 48_271) + 11) >>> 0) / 4_294_967_296;
          const cols = new Columns();
          const created = new Map<number, number>();
          let next = 0;
          let newest = T0;
          for (const b of batches) {
            const rows: { rowid: number; row: ReturnType<typeof makeRow> }[] = [];
            for (let i = 0; i < b.size; i++) {
              const at = newest + b.offset + Math.floor(random() * (b.span + 1));
              rows.push({ rowid: next, row: makeRow({ uuid: `u${next}`, createdUs: at }) });
              created.set(next++, at);
            }
            const existing = [...created.keys()];
            for (let i = 0; i < b.rewrite && existing.length; i++) {
              const rowid = existing[Math.floor(random() * existing.length)] ?? 0;
              rows.push({
                rowid,
                row: makeRow({ uuid: `u${rowid}`, createdUs: created.get(rowid) ?? 0 }),
              });
            }
            cols.upsert(rows);
            newest = Math.max(newest, ...rows.map((r) => r.row.createdUs));
            const gone = [...created.keys()].filter(() => random() < b.remove / 100);
            cols.remove(gone);
            for (const r of gone) created.delete(r);
            expect(Array.from(cols.order.subarray(0, cols.count))).toEqual(expectedOrder(created));
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('counts and finds sessions by creation time', () => {
    const cols = new Columns();
    cols.upsert(
      [10, 20, 20, 30, 40].map((t, rowid) => ({
        rowid,
        row: makeRow({ uuid: `u${rowid}`, createdUs: T0 + t }),
      })),
    );
    // Newest first: 40, 30, 20, 20, 10.
    expect(cols.firstBefore(T0 + 20)).toBe(4);
    expect(cols.firstBefore(T0 + 21)).toBe(2);
    expect(cols.firstBefore(T0 + 100)).toBe(0);
    expect(cols.firstBefore(T0)).toBe(5);
  });
});
