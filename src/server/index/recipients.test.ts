import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Recipients } from './recipients.ts';

/** A model of the index's rows: rowid → digits (absent: not in the index). */
function setUp() {
  const rows = new Map<number, string | null>();
  const recipients = new Recipients();
  recipients.grow(4096);
  const live = (r: number) => rows.has(r);
  return {
    recipients,
    set(rowid: number, digits: string | null) {
      rows.set(rowid, digits);
      recipients.set(rowid, digits, live);
    },
    remove(rowids: number[]) {
      for (const r of rowids) rows.delete(r);
      recipients.removed(rowids, live);
    },
    find: (digits: string, match: 'exact' | 'suffix') =>
      recipients.find(digits, match, live).sort((a, b) => a - b),
    /** What a scan of the digits as text answers. */
    expected: (digits: string, match: 'exact' | 'suffix') =>
      [...rows]
        .filter(([, d]) => d !== null && (match === 'exact' ? d === digits : d.endsWith(digits)))
        .map(([r]) => r)
        .sort((a, b) => a - b),
  };
}

describe('recipient look-ups in memory', () => {
  it('finds numbers exactly and by their last digits, zeros included', () => {
    const t = setUp();
    t.set(1, '918681951370');
    t.set(2, '14155550100');
    t.set(3, '4915550100');
    t.set(4, null);
    expect(t.find('918681951370', 'exact')).toEqual([1]);
    expect(t.find('1370', 'suffix')).toEqual([1]);
    expect(t.find('0100', 'suffix')).toEqual([2, 3]);
    expect(t.find('50100', 'suffix')).toEqual([2, 3]);
    expect(t.find('4155550100', 'suffix')).toEqual([2]);
    expect(t.find('70', 'suffix')).toEqual([1]);
    expect(t.find('8681', 'suffix')).toEqual([]);
    expect(t.find('0100', 'exact')).toEqual([]);
    expect(t.find('12a4', 'suffix')).toEqual([]);
  });

  it('tells numbers apart that differ only in leading zeros or in length', () => {
    const t = setUp();
    t.set(1, '0123456');
    t.set(2, '123456');
    t.set(3, '99123456');
    expect(t.find('123456', 'exact')).toEqual([2]);
    expect(t.find('0123456', 'exact')).toEqual([1]);
    expect(t.find('0123456', 'suffix')).toEqual([1]);
    expect(t.find('123456', 'suffix')).toEqual([1, 2, 3]);
  });

  it('keeps numbers longer than a double holds exactly as text', () => {
    const t = setUp();
    t.set(1, '12345678901234567890');
    t.set(2, '12345678901234567891');
    expect(t.find('12345678901234567890', 'exact')).toEqual([1]);
    expect(t.find('567891', 'suffix')).toEqual([2]);
  });

  it('follows removed rows, reused rowids and changed numbers', () => {
    const t = setUp();
    t.set(1, '918681951370');
    t.remove([1]);
    expect(t.find('1370', 'suffix')).toEqual([]);
    t.set(1, '918681951370');
    expect(t.find('1370', 'suffix')).toEqual([1]);
    t.set(1, '14155550100');
    expect(t.find('1370', 'suffix')).toEqual([]);
    expect(t.find('0100', 'suffix')).toEqual([1]);
  });

  it('answers as a scan of the numbers would, through many changes (compacting on the way)', () => {
    const digits = fc.stringMatching(/^[0-9]{1,17}$/);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), rowid: fc.nat(60), digits }),
      fc.record({ kind: fc.constant('remove' as const), rowid: fc.nat(60) }),
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 3000 }),
        fc.array(digits, { maxLength: 20 }),
        (ops, probes) => {
          const t = setUp();
          for (const o of ops) {
            if (o.kind === 'set') t.set(o.rowid, o.digits);
            else t.remove([o.rowid]);
          }
          for (const p of probes) {
            expect(t.find(p, 'exact')).toEqual(t.expected(p, 'exact'));
            expect(t.find(p.slice(-6), 'suffix')).toEqual(t.expected(p.slice(-6), 'suffix'));
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);
});
