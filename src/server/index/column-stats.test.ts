import { describe, expect, it } from 'vitest';
import { parseMoney, formatMoney } from '../../contract/money.ts';
import { queryWindow } from '../../contract/query-window.ts';
import { VERDICT_TONE } from '../../contract/verdict-kinds.ts';
import { compileFilter } from './column-filter.ts';
import { computeStats } from './column-stats.ts';
import { Columns } from './columns.ts';
import { makeRow } from '../testing/session-rows.ts';
import type { SessionRow } from './session-row.ts';

// The one-pass aggregates against a plain recount of the same rows.
const HOUR_US = 3_600_000_000;
const NOW = 1_800_000_000_000_000;
const COUNTRIES = ['IN', 'US', 'FR'];
const NETWORKS = ['AirTel', 'Jio', null];
const STATUSES = ['verified', 'expired', 'in-progress'];
const VERDICTS = [
  'verified_first',
  'undelivered_all',
  'in_progress',
  'sent_no_receipt',
  'delivered_not_verified',
] as const;

const rows: SessionRow[] = Array.from({ length: 500 }, (_, i) =>
  makeRow({
    uuid: `s${i}`,
    createdUs: NOW - ((i * 7919) % 48) * HOUR_US - i,
    country: COUNTRIES[i % 3] ?? null,
    network: NETWORKS[(i >> 1) % 3] ?? null,
    status: STATUSES[i % 3] ?? null,
    verdict: VERDICTS[i % 5] ?? 'unknown',
    channel: i % 5 === 0 ? 'voice' : 'sms',
    attemptCodes: i % 6 === 0 ? 'sms:undelivered,voice:ringing' : 'sms:delivered',
    chargeNanos: (i % 9) * 1_500_000,
    ttvSeconds: i % 3 === 0 ? i % 60 : null,
  }),
);

function columns(): Columns {
  const cols = new Columns();
  cols.upsert(rows.map((row, rowid) => ({ rowid, row })));
  return cols;
}

describe('stats over the columns', () => {
  const window = queryWindow({ session_time__gte: '2026-01-01 00:00' }, NOW, 400);
  const within = rows.filter((r) => r.createdUs >= window.fromUs && r.createdUs <= window.toUs);

  it('counts every breakdown as a plain recount does', () => {
    const cols = columns();
    const stats = computeStats(cols, compileFilter(cols, {}, {}, window, null), '1h', null);
    expect(stats.total).toBe(within.length);
    const recount = (key: (r: SessionRow) => string | null) => {
      const m = new Map<string | null, { sessions: number; verified: number; failed: number }>();
      for (const r of within) {
        const c = m.get(key(r)) ?? { sessions: 0, verified: 0, failed: 0 };
        c.sessions++;
        c.verified += r.status === 'verified' ? 1 : 0;
        c.failed += VERDICT_TONE[r.verdict] === 'bad' ? 1 : 0;
        m.set(key(r), c);
      }
      return [...m]
        .map(([k, c]) => ({ key: k, ...c }))
        .sort((a, b) => String(a.key).localeCompare(String(b.key)));
    };
    const sorted = (list: { key: string | null }[]) =>
      [...list].sort((a, b) => String(a.key).localeCompare(String(b.key)));
    expect(sorted(stats.byCountry)).toEqual(recount((r) => r.country));
    expect(sorted(stats.byNetwork)).toEqual(recount((r) => r.network));
    expect(sorted(stats.byStatus)).toEqual(recount((r) => r.status));
    expect(sorted(stats.byVerdict)).toEqual(recount((r) => r.verdict));
    expect(stats.byCountryNetwork.reduce((s, p) => s + p.sessions, 0)).toBe(within.length);
    const attempts = within.flatMap((r) => r.attemptCodes.split(','));
    expect(stats.attempts.reduce((s, a) => s + a.attempts, 0)).toBe(attempts.length);
    expect(stats.attempts.find((a) => a.channel === 'voice')).toMatchObject({
      status: 'ringing',
      attempts: attempts.filter((a) => a === 'voice:ringing').length,
    });
    expect(stats.buckets.reduce((s, b) => s + b.sessions, 0)).toBe(within.length);
    const total = within.reduce((s, r) => s + BigInt(r.chargeNanos), 0n);
    expect(parseMoney(stats.charges.total)).toBe(total);
    const unverified = within.filter((r) => r.status !== 'verified');
    expect(stats.charges.neverVerified).toBe(
      formatMoney(unverified.reduce((s, r) => s + BigInt(r.chargeNanos), 0n)),
    );
    expect(stats.timeToVerify?.sessions).toBe(within.filter((r) => r.ttvSeconds !== null).length);
  });

  it('coarsens a bucket too fine for a long window instead of cutting the window', () => {
    const cols = columns();
    const stats = computeStats(cols, compileFilter(cols, {}, {}, window, null), '1m', null);
    expect(stats.meta.bucket).toBe('1d');
    expect(stats.buckets.reduce((s, b) => s + b.sessions, 0)).toBe(within.length);
  });

  it('applies the index-only filters', () => {
    const cols = columns();
    const f = compileFilter(
      cols,
      { country: 'in' },
      { network: ['airtel'], verdict: ['undelivered_all'] },
      window,
      null,
    );
    const expected = within.filter(
      (r) => r.country === 'IN' && r.network === 'AirTel' && r.verdict === 'undelivered_all',
    );
    expect(computeStats(cols, f, '1h', null).total).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('keeps newest-first order when older rows arrive later (backfill)', () => {
    const cols = new Columns();
    cols.upsert(rows.slice(0, 250).map((row, rowid) => ({ rowid, row })));
    cols.upsert(rows.slice(250).map((row, i) => ({ rowid: 250 + i, row })));
    const created = Array.from(cols.order.subarray(0, cols.count), (r) => cols.created[r] ?? 0);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(cols.count).toBe(rows.length);
  });
});
